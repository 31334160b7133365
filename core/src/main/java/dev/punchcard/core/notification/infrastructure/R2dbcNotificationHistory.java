package dev.punchcard.core.notification.infrastructure;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import dev.punchcard.core.notification.application.NotificationHistory;
import dev.punchcard.core.notification.application.NotificationRecord;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class R2dbcNotificationHistory implements NotificationHistory {

	private final DatabaseClient db;

	R2dbcNotificationHistory(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Flux<NotificationRecord> of(CustomerId customerId, int page, int size) {
		return this.db.sql("""
				SELECT id, kind, status, channel, attempts, last_error, created_at, sent_at FROM notification_outbox
				WHERE customer_id = :customerId ORDER BY created_at DESC, id LIMIT :size OFFSET :offset
				""")
			.bind("customerId", customerId.value())
			.bind("size", size)
			.bind("offset", (long) page * size)
			.map((row) -> new NotificationRecord(row.get("id", UUID.class), row.get("kind", String.class),
					row.get("status", String.class),
					Optional.ofNullable(row.get("channel", String.class)).map(ChatChannel::valueOf).orElse(null),
					row.get("attempts", Integer.class), row.get("last_error", String.class),
					row.get("created_at", OffsetDateTime.class).toInstant(),
					Optional.ofNullable(row.get("sent_at", OffsetDateTime.class))
						.map(OffsetDateTime::toInstant)
						.orElse(null)))
			.all();
	}

	@Override
	public Mono<Long> countOf(CustomerId customerId) {
		return this.db.sql("SELECT count(*) FROM notification_outbox WHERE customer_id = :customerId")
			.bind("customerId", customerId.value())
			.map((row) -> row.get(0, Long.class))
			.one();
	}

}
