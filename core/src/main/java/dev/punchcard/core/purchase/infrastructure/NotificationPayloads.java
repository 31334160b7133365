package dev.punchcard.core.purchase.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.notification.application.Notification;

/** A purchase's notification payload as the JSON the outbox stores. */
final class NotificationPayloads {

	private final ObjectMapper json;

	NotificationPayloads(ObjectMapper json) {
		this.json = json;
	}

	String json(Notification notification) {
		try {
			return this.json.writeValueAsString(notification.payload());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("unserialisable payload", ex);
		}
	}

}
