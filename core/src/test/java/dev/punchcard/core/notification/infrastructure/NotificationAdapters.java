package dev.punchcard.core.notification.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.notification.application.Notifications;
import org.springframework.r2dbc.core.DatabaseClient;

/** Test support: the R2DBC outbox for other features' ITs. */
public final class NotificationAdapters {

	private NotificationAdapters() {
	}

	public static Notifications outbox(DatabaseClient db) {
		return new R2dbcNotifications(db, new ObjectMapper());
	}

}
