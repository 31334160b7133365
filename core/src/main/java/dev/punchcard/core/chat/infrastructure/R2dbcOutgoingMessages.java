package dev.punchcard.core.chat.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.punchcard.core.chat.application.DeliveryStatus;
import dev.punchcard.core.chat.application.OutgoingMessages;
import dev.punchcard.core.shared.batching.GroupCommit;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.springframework.r2dbc.core.DatabaseClient;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@link OutgoingMessages} in {@code outgoing_messages}. Both writes are upserts, so a
 * status webhook that overtakes the send's own record still counts; the status moves only
 * to a higher rank, and never away from FAILED. Sent messages are recorded in groups:
 * those accepted while a record is being written are written together next, in one
 * statement, so under load recording costs a fraction of a statement per message.
 */
class R2dbcOutgoingMessages implements OutgoingMessages {

	/** The most accepted messages recorded in one statement. */
	private static final int MAX_GROUP = 200;

	private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

	private final DatabaseClient db;

	private final Clock clock;

	private final GroupCommit<Accepted, Boolean> accepted;

	R2dbcOutgoingMessages(DatabaseClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
		this.accepted = new GroupCommit<>(this::acceptAll, MAX_GROUP, WRITE_TIMEOUT);
	}

	@Override
	public Mono<Void> accepted(ChatChannel channel, String platformId, UUID ourId, String recipient,
			@Nullable UUID notificationId) {
		return this.accepted.submit(new Accepted(channel, platformId, ourId, recipient, notificationId)).then();
	}

	/**
	 * Records a group of accepted messages in one statement. A message twice in the group
	 * (the same platform id) is recorded once, as its last record says, since one
	 * statement cannot upsert the same row twice.
	 */
	private Mono<List<Boolean>> acceptAll(List<Accepted> group) {
		Map<String, Accepted> byKey = new LinkedHashMap<>();
		for (Accepted message : group) {
			byKey.put(message.channel().name() + ":" + message.platformId(), message);
		}
		Collection<Accepted> rows = byKey.values();
		List<Boolean> recorded = Collections.nCopies(group.size(), true);
		return this.db
			.sql("""
					INSERT INTO outgoing_messages (channel, platform_id, our_id, recipient, notification_id, status,
					                               status_rank, accepted_at, updated_at)
					SELECT m.channel, m.platform_id, m.our_id, m.recipient, m.notification_id, 'ACCEPTED', 0, :now, :now
					FROM unnest(CAST(:channels AS text[]), CAST(:platformIds AS text[]), CAST(:ourIds AS uuid[]),
					            CAST(:recipients AS text[]), CAST(:notificationIds AS uuid[]))
					     AS m(channel, platform_id, our_id, recipient, notification_id)
					ON CONFLICT ON CONSTRAINT outgoing_messages_pkey DO UPDATE
					SET our_id = EXCLUDED.our_id, recipient = EXCLUDED.recipient, notification_id = EXCLUDED.notification_id,
					    accepted_at = EXCLUDED.accepted_at
					""")
			.bind("channels", rows.stream().map((message) -> message.channel().name()).toArray(String[]::new))
			.bind("platformIds", rows.stream().map(Accepted::platformId).toArray(String[]::new))
			.bind("ourIds", rows.stream().map(Accepted::ourId).toArray(UUID[]::new))
			.bind("recipients", rows.stream().map(Accepted::recipient).toArray(String[]::new))
			.bind("notificationIds", rows.stream().map(Accepted::notificationId).toArray(UUID[]::new))
			.bind("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.then()
			.thenReturn(recorded);
	}

	@Override
	public Mono<Boolean> reported(ChatChannel channel, String platformId, DeliveryStatus status, int errorCode) {
		return this.db.sql("""
				INSERT INTO outgoing_messages AS m (channel, platform_id, status, status_rank, error_code, updated_at)
				VALUES (:channel, :platformId, :status, :rank, :errorCode, :now)
				ON CONFLICT ON CONSTRAINT outgoing_messages_pkey DO UPDATE
				SET status = EXCLUDED.status, status_rank = EXCLUDED.status_rank, error_code = EXCLUDED.error_code,
				    updated_at = EXCLUDED.updated_at
				WHERE m.status_rank < EXCLUDED.status_rank
				""")
			.bind("channel", channel.name())
			.bind("platformId", platformId)
			.bind("status", status.name())
			.bind("rank", (short) status.rank())
			.bind("errorCode", errorCode)
			.bind("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	@Override
	public Mono<UUID> notificationOf(ChatChannel channel, String platformId) {
		return this.db.sql("""
				SELECT notification_id FROM outgoing_messages
				WHERE channel = :channel AND platform_id = :platformId AND notification_id IS NOT NULL
				""")
			.bind("channel", channel.name())
			.bind("platformId", platformId)
			.map((row) -> row.get("notification_id", UUID.class))
			.one();
	}

	@Override
	public Mono<Optional<DeliveryStatus>> status(ChatChannel channel, String platformId) {
		return this.db
			.sql("SELECT status FROM outgoing_messages WHERE channel = :channel AND platform_id = :platformId")
			.bind("channel", channel.name())
			.bind("platformId", platformId)
			.map((row) -> DeliveryStatus.valueOf(row.get("status", String.class)))
			.one()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	private record Accepted(ChatChannel channel, String platformId, UUID ourId, String recipient,
			@Nullable UUID notificationId) {
	}

}
