package dev.punchcard.core.notification.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.notification.application.Notifications;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	@Bean
	Notifications notifications(DatabaseClient db, ObjectMapper json) {
		return new R2dbcNotifications(db, json);
	}

}
