package dev.punchcard.core.notification.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.notification.application.NotificationPayload;
import dev.punchcard.core.notification.application.OutboxRelay;
import dev.punchcard.core.notification.application.PendingNotification;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class R2dbcOutboxRelay implements OutboxRelay {

	private static final Map<String, Class<?>> KINDS = Stream.of(NotificationPayload.class.getPermittedSubclasses())
		.collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

	private static final int MAX_ERROR_LENGTH = 500;

	private final DatabaseClient db;

	private final ObjectMapper json;

	private final Clock clock;

	R2dbcOutboxRelay(DatabaseClient db, ObjectMapper json, Clock clock) {
		this.db = db;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public Flux<PendingNotification> claimDue(int limit, Duration lease) {
		return this.db.sql("""
				UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = :leaseEnd
				WHERE id IN (
				    SELECT id FROM notification_outbox
				    WHERE status = 'PENDING' AND next_attempt_at <= :now
				    ORDER BY next_attempt_at
				    LIMIT :limit
				    FOR UPDATE SKIP LOCKED)
				RETURNING id, customer_id, kind, payload, idempotency_key, attempts, excluded_channels, template_only
				""")
			.bind("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.bind("leaseEnd", this.clock.instant().plus(lease).atOffset(ZoneOffset.UTC))
			.bind("limit", limit)
			.map(this::pending)
			.all();
	}

	@Override
	public Mono<Void> markSent(UUID id, ChatChannel channel) {
		return this.db.sql("""
				UPDATE notification_outbox SET status = 'SENT', channel = :channel, sent_at = :now, last_error = NULL
				WHERE id = :id
				""")
			.bind("channel", channel.name())
			.bind("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.bind("id", id)
			.then();
	}

	@Override
	public Mono<Void> retryAt(UUID id, Instant at, String error) {
		return this.db.sql("UPDATE notification_outbox SET next_attempt_at = :at, last_error = :error WHERE id = :id")
			.bind("at", at.atOffset(ZoneOffset.UTC))
			.bind("error", truncate(error))
			.bind("id", id)
			.then();
	}

	@Override
	public Mono<Void> markFailed(UUID id, String error) {
		return this.db.sql("UPDATE notification_outbox SET status = 'FAILED', last_error = :error WHERE id = :id")
			.bind("error", truncate(error))
			.bind("id", id)
			.then();
	}

	@Override
	public Mono<Boolean> redeliver(UUID id, ChatChannel failedOn, boolean asTemplate, String why) {
		// only a notification this channel took, and each way only once: a repeated or
		// late status changes
		// nothing
		String change = asTemplate ? "template_only = true"
				: "excluded_channels = array_append(excluded_channels, :channel::text)";
		String once = asTemplate ? "NOT template_only" : "NOT (:channel::text = ANY (excluded_channels))";
		return this.db.sql("""
				UPDATE notification_outbox
				SET status = 'PENDING', %s, next_attempt_at = :now, sent_at = NULL, last_error = :error
				WHERE id = :id AND status = 'SENT' AND channel = :channel AND %s
				""".formatted(change, once))
			.bind("channel", failedOn.name())
			.bind("error", truncate(why))
			.bind("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.bind("id", id)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	private PendingNotification pending(Readable row) {
		String kind = row.get("kind", String.class);
		Class<?> type = KINDS.get(kind);
		if (type == null) {
			throw new IllegalStateException("unknown notification kind " + kind);
		}
		try {
			NotificationPayload payload = (NotificationPayload) this.json
				.readValue(row.get("payload", Json.class).asString(), type);
			String[] excluded = row.get("excluded_channels", String[].class);
			return new PendingNotification(row.get("id", UUID.class),
					new CustomerId(row.get("customer_id", UUID.class)), row.get("idempotency_key", String.class),
					payload, row.get("attempts", Integer.class),
					Stream.of((excluded != null) ? excluded : new String[0])
						.map(ChatChannel::valueOf)
						.collect(Collectors.toUnmodifiableSet()),
					Boolean.TRUE.equals(row.get("template_only", Boolean.class)));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("unreadable notification payload of kind " + kind, ex);
		}
	}

	private static String truncate(String error) {
		return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
	}

}
