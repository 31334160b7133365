package dev.punchcard.core.chat.infrastructure;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import dev.punchcard.core.chat.application.DeliveryStatus;
import dev.punchcard.core.chat.application.OutgoingMessages;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.springframework.r2dbc.core.DatabaseClient;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@link OutgoingMessages} in {@code outgoing_messages}. Both writes are upserts, so a
 * status webhook that overtakes the send's own record still counts; the status moves only
 * to a higher rank, and never away from FAILED.
 */
class R2dbcOutgoingMessages implements OutgoingMessages {

	private final DatabaseClient db;

	private final Clock clock;

	R2dbcOutgoingMessages(DatabaseClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	@Override
	public Mono<Void> accepted(ChatChannel channel, String platformId, UUID ourId, String recipient,
			@Nullable UUID notificationId) {
		DatabaseClient.GenericExecuteSpec insert = this.db
			.sql("""
					INSERT INTO outgoing_messages (channel, platform_id, our_id, recipient, notification_id, status,
					                               status_rank, accepted_at, updated_at)
					VALUES (:channel, :platformId, :ourId, :recipient, :notificationId, 'ACCEPTED', 0, :now, :now)
					ON CONFLICT ON CONSTRAINT outgoing_messages_pkey DO UPDATE
					SET our_id = EXCLUDED.our_id, recipient = EXCLUDED.recipient, notification_id = EXCLUDED.notification_id,
					    accepted_at = EXCLUDED.accepted_at
					""")
			.bind("channel", channel.name())
			.bind("platformId", platformId)
			.bind("ourId", ourId)
			.bind("recipient", recipient);
		return ((notificationId != null) ? insert.bind("notificationId", notificationId)
				: insert.bindNull("notificationId", UUID.class))
			.bind("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.then();
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

}
