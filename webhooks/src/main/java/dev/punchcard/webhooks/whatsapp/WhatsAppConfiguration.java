package dev.punchcard.webhooks.whatsapp;

import java.time.Clock;
import java.time.Duration;

import dev.punchcard.bot.broadcast.BroadcastFeedback;
import dev.punchcard.bot.conversation.BotPhoneNumbers;
import dev.punchcard.bot.conversation.Conversation;
import dev.punchcard.bot.conversation.ReachabilityListener;
import dev.punchcard.bot.intake.DurableIntake;
import dev.punchcard.bot.pacing.RollingRecipients;
import dev.punchcard.bot.pacing.SharedRateLimits;
import dev.punchcard.core.broadcast.application.BroadcastTracking;
import dev.punchcard.core.chat.application.InboundUpdates;
import dev.punchcard.core.chat.application.OutgoingMessages;
import dev.punchcard.core.consent.application.ChangeMarketingConsent;
import dev.punchcard.core.customer.application.ChatAliases;
import dev.punchcard.core.notification.application.OutboxRelay;
import dev.punchcard.core.shared.domain.ChatChannel;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The WhatsApp channel's beans; none exist without an access token. Needs a
 * {@link Conversation}, {@link InboundUpdates} and the shared sending limits; uses a
 * {@link ReachabilityListener} when the application has one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWhatsApp
@EnableConfigurationProperties(WhatsAppProperties.class)
class WhatsAppConfiguration {

	@Bean
	GraphApi whatsAppGraphApi(WhatsAppProperties properties, ObjectProvider<WebClient.Builder> builder,
			SharedSendPacing whatsAppSendPacing) {
		Duration holdOff = properties.rateLimits().throughputHoldOff();
		return GraphApi.create(builder.getIfAvailable(WebClient::builder), properties, new GraphApiRetry(
				properties.retries(), Schedulers.parallel(), () -> whatsAppSendPacing.holdOff(holdOff)));
	}

	/** The number's sending limits, counted in Redis for all instances together. */
	@Bean
	SharedSendPacing whatsAppSendPacing(SharedRateLimits limits, WhatsAppProperties properties) {
		return new SharedSendPacing(limits, properties.requiredPhoneNumberId(), properties.rateLimits());
	}

	@Bean
	WhatsAppAccount whatsAppAccount() {
		return new WhatsAppAccount();
	}

	@Bean
	WhatsAppHealthIndicator whatsAppHealthIndicator(WhatsAppAccount account) {
		return new WhatsAppHealthIndicator(account);
	}

	@Bean
	CustomerServiceWindow whatsAppWindow(ReactiveStringRedisTemplate redis, WhatsAppProperties properties,
			Clock clock) {
		return new RedisServiceWindow(redis, properties.requiredPhoneNumberId(), properties.windowMargin(), clock);
	}

	/** The portfolio's messaging limit, counted in Redis for all instances together. */
	@Bean
	MessagingLimit whatsAppMessagingLimit(RollingRecipients recipients, CustomerServiceWindow window,
			PortfolioLevel whatsAppPortfolioLevel, WhatsAppProperties properties) {
		return new RedisMessagingLimit(recipients, window, properties.portfolio(), whatsAppPortfolioLevel);
	}

	/**
	 * The portfolio's messaging level: configured, then as WhatsApp's webhooks name it
	 * (even from unlimited: a downgrade for low quality applies too).
	 */
	@Bean
	PortfolioLevel whatsAppPortfolioLevel(ReactiveStringRedisTemplate redis, WhatsAppProperties properties) {
		return new PortfolioLevel(redis, properties.portfolio(), properties.rateLimits().messagingLimit());
	}

	@Bean
	WhatsAppChatSender whatsAppChatSender(GraphApi api, SharedSendPacing whatsAppSendPacing, OutgoingMessages outgoing,
			WhatsAppAccount account, CustomerServiceWindow window, MessagingLimit whatsAppMessagingLimit,
			WhatsAppProperties properties) {
		return new WhatsAppChatSender(api, whatsAppSendPacing, outgoing, account, window, whatsAppMessagingLimit,
				new NoticeTemplates(properties.templates(), properties.templateLanguages()),
				properties.rateLimits().pairLimitBackoff());
	}

	/**
	 * Broadcasts from the business number, in the same pacing as the replies (see
	 * {@link WhatsAppBroadcastChannel}).
	 */
	@Bean
	WhatsAppBroadcastChannel whatsAppBroadcastChannel(GraphApi api, SharedSendPacing whatsAppSendPacing,
			WhatsAppAccount account, ObjectProvider<ReachabilityListener> reachability, ChangeMarketingConsent consent,
			MessagingLimit whatsAppMessagingLimit, WhatsAppProperties properties, Clock clock) {
		return new WhatsAppBroadcastChannel(api, whatsAppSendPacing, account,
				new WhatsAppBroadcastChannel.Members(reachability.getIfAvailable(() -> ReachabilityListener.IGNORE),
						consent),
				whatsAppMessagingLimit, properties.rateLimits().throughputHoldOff(),
				properties.rateLimits().bulkMaxWait(), clock);
	}

	@Bean
	BotPhoneNumbers whatsAppBotPhoneNumber(WhatsAppProperties properties) {
		return new WhatsAppBotPhoneNumber(properties.displayPhoneNumber());
	}

	@Bean
	WhatsAppChatFiles whatsAppChatFiles(GraphApi api) {
		return new WhatsAppChatFiles(api);
	}

	@Bean
	DurableIntake whatsAppIntake(InboundUpdates updates, Conversation conversation, WhatsAppChatSender sender,
			ObjectProvider<ReachabilityListener> reachability, OutgoingMessages outgoing, OutboxRelay notices,
			CustomerServiceWindow window, ChangeMarketingConsent consent, ChatAliases aliases,
			WhatsAppProperties properties, ObjectProvider<BroadcastTracking> tracking,
			PortfolioLevel whatsAppPortfolioLevel) {
		WhatsAppUpdateHandler handler = new WhatsAppUpdateHandler(conversation, sender,
				reachability.getIfAvailable(() -> ReachabilityListener.IGNORE), outgoing, notices, window, consent,
				aliases, new BroadcastFeedback(tracking.getIfAvailable()), whatsAppPortfolioLevel);
		return new DurableIntake(ChatChannel.WHATSAPP, updates, handler, properties.intake(), Schedulers.parallel());
	}

	@Bean
	WhatsAppWebhookRoute whatsAppWebhookRoute(DurableIntake whatsAppIntake, WhatsAppProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		return new WhatsAppWebhookRoute(new WhatsAppWebhookReceiver(whatsAppIntake, properties),
				meters.getIfAvailable());
	}

	@Bean
	WhatsAppBackground whatsAppBackground(DurableIntake whatsAppIntake) {
		return new WhatsAppBackground(whatsAppIntake);
	}

}
