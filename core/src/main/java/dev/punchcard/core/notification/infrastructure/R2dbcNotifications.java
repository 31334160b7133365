package dev.punchcard.core.notification.infrastructure;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.notification.application.Notification;
import dev.punchcard.core.notification.application.Notifications;
import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

class R2dbcNotifications implements Notifications {

	private final DatabaseClient db;

	private final ObjectMapper json;

	R2dbcNotifications(DatabaseClient db, ObjectMapper json) {
		this.db = db;
		this.json = json;
	}

	@Override
	public Mono<Void> enqueue(Notification notification) {
		return Mono.fromCallable(() -> this.json.writeValueAsString(notification.payload()))
			.flatMap((payload) -> this.db.sql("""
					INSERT INTO notification_outbox (id, customer_id, kind, payload, idempotency_key)
					VALUES (:id, :customerId, :kind, :payload, :key)
					ON CONFLICT ON CONSTRAINT notification_outbox_idempotency_key_key DO NOTHING
					""")
				.bind("id", UUID.randomUUID())
				.bind("customerId", notification.customerId().value())
				.bind("kind", notification.payload().kind())
				.bind("payload", Json.of(payload))
				.bind("key", notification.idempotencyKey())
				.then())
			.onErrorMap(JsonProcessingException.class, (ex) -> new IllegalStateException("unserialisable payload", ex));
	}

}
