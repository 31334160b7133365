package dev.punchcard.core.notification.infrastructure;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.notification.application.NotificationHistory;
import dev.punchcard.core.notification.application.Notifications;
import dev.punchcard.core.notification.application.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	@Bean
	Notifications notifications(DatabaseClient db, ObjectMapper json) {
		return new R2dbcNotifications(db, json);
	}

	@Bean
	NotificationHistory notificationHistory(DatabaseClient db) {
		return new R2dbcNotificationHistory(db);
	}

	@Bean
	OutboxRelay outboxRelay(DatabaseClient db, ObjectMapper json, Clock clock) {
		return new R2dbcOutboxRelay(db, json, clock);
	}

}
