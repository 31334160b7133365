package dev.punchcard.core.chat.infrastructure;

import java.time.Clock;

import dev.punchcard.core.chat.application.InboundUpdates;
import dev.punchcard.core.chat.application.OutgoingMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

	@Bean
	InboundUpdates inboundUpdates(DatabaseClient db, Clock clock) {
		return new R2dbcInboundUpdates(db, clock);
	}

	@Bean
	OutgoingMessages outgoingMessages(DatabaseClient db, Clock clock) {
		return new R2dbcOutgoingMessages(db, clock);
	}

}
