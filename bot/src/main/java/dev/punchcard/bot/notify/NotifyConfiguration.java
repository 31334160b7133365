package dev.punchcard.bot.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.punchcard.bot.conversation.ChatSender;
import dev.punchcard.core.customer.application.ChatIdentities;
import dev.punchcard.core.notification.application.OutboxRelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Notifications are delivered when at least one chat channel can send; otherwise they
 * wait in the outbox.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "punchcard.notifications.enabled", havingValue = "true", matchIfMissing = true)
class NotifyConfiguration {

	@Bean
	NotificationDispatcher notificationDispatcher(OutboxRelay relay, ChatIdentities identities,
			List<ChatSender> senders, NotificationTexts texts, Clock clock) {
		return new NotificationDispatcher(relay, identities, senders, texts, clock);
	}

	@Bean
	OutboxPoller outboxPoller(OutboxRelay relay, NotificationDispatcher dispatcher, List<ChatSender> senders,
			@Value("${punchcard.notifications.poll-every:1s}") Duration every) {
		// with no channel to send on, notifications wait in the outbox instead of failing
		return new OutboxPoller(relay, dispatcher, every, !senders.isEmpty());
	}

}
