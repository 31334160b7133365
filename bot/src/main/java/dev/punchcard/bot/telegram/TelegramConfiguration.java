package dev.punchcard.bot.telegram;

import java.time.Clock;

import dev.punchcard.bot.broadcast.BroadcastFeedback;
import dev.punchcard.bot.conversation.Conversation;
import dev.punchcard.bot.conversation.ReachabilityListener;
import dev.punchcard.bot.intake.DurableIntake;
import dev.punchcard.bot.pacing.SendPacing;
import dev.punchcard.bot.pacing.SharedRateLimits;
import dev.punchcard.core.broadcast.application.BroadcastTracking;
import dev.punchcard.core.chat.application.InboundUpdates;
import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The Telegram channel's beans; none exist without a bot token. Needs a
 * {@link Conversation} and {@link InboundUpdates}; uses a {@link ReachabilityListener}
 * when the application has one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnTelegramToken
@EnableConfigurationProperties(TelegramProperties.class)
class TelegramConfiguration {

	/**
	 * Counted in Redis for all instances (Telegram counts per bot), unless
	 * {@code rate-limits.shared} is off (one instance only).
	 */
	@Bean
	SendPacing telegramSendPacing(TelegramProperties properties, ObjectProvider<SharedRateLimits> shared) {
		TelegramProperties.RateLimits limits = properties.rateLimits();
		return limits.shared() ? new SharedTelegramPacing(shared.getObject(), properties.botId(), limits)
				: new SendRateLimiter(limits, Schedulers.parallel());
	}

	/** A 429 holds the bot's sending budget off for every instance. */
	@Bean
	TelegramBotApi telegramBotApi(TelegramProperties properties, ObjectProvider<WebClient.Builder> builder,
			SendPacing telegramSendPacing) {
		BotApiTransport transport = BotApiTransport.create(builder.getIfAvailable(WebClient::builder), properties);
		return new TelegramBotApi(transport,
				new BotApiRetry(properties.retries(), Schedulers.parallel(), telegramSendPacing::holdOff));
	}

	@Bean
	TelegramChatSender telegramChatSender(TelegramBotApi api, SendPacing telegramSendPacing) {
		return new TelegramChatSender(api, telegramSendPacing);
	}

	/**
	 * Broadcasts to Telegram chats, in the same pacing as the replies (see
	 * {@link TelegramBroadcastChannel}).
	 */
	@Bean
	TelegramBroadcastChannel telegramBroadcastChannel(TelegramBotApi api, TelegramChatSender sender,
			ObjectProvider<ReachabilityListener> reachability, ObjectProvider<Clock> clock,
			TelegramProperties properties) {
		return new TelegramBroadcastChannel(api, sender.pacing(),
				reachability.getIfAvailable(() -> ReachabilityListener.IGNORE), clock.getIfAvailable(Clock::systemUTC),
				properties.rateLimits().bulkMaxWait());
	}

	@Bean
	TelegramChatFiles telegramChatFiles(TelegramBotApi api) {
		return new TelegramChatFiles(api);
	}

	@Bean
	BotIdentity telegramBotIdentity(TelegramProperties properties) {
		return new BotIdentity(properties.botUsername());
	}

	@Bean
	DurableIntake telegramIntake(InboundUpdates updates, Conversation conversation, TelegramChatSender sender,
			ObjectProvider<ReachabilityListener> reachability, BotIdentity identity, TelegramProperties properties,
			ObjectProvider<BroadcastTracking> tracking) {
		TelegramUpdates mapping = new TelegramUpdates(identity, properties.photoMaxBytes().toBytes());
		UpdateHandler handler = new UpdateHandler(mapping, conversation, sender,
				reachability.getIfAvailable(() -> ReachabilityListener.IGNORE),
				new BroadcastFeedback(tracking.getIfAvailable()));
		return new DurableIntake(ChatChannel.TELEGRAM, updates, handler, properties.intake(), Schedulers.parallel());
	}

	@Bean
	TelegramBackground telegramBackground(DurableIntake telegramIntake, TelegramBotApi api, BotIdentity identity,
			TelegramProperties properties) {
		return new TelegramBackground(telegramIntake, new TelegramStartup(api, identity, properties));
	}

	/**
	 * Long polling, the default mode. Repeats the token condition: component scanning
	 * finds a nested configuration on its own, without its enclosing class's conditions.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnTelegramToken
	@ConditionalOnProperty(prefix = "punchcard.telegram", name = "mode", havingValue = "polling", matchIfMissing = true)
	static class Polling {

		@Bean
		TelegramLongPolling telegramLongPolling(TelegramProperties properties, DurableIntake telegramIntake) {
			return new TelegramLongPolling(properties,
					new TelegramPollingConsumer(telegramIntake, properties.intake().storeTimeout()));
		}

	}

}
