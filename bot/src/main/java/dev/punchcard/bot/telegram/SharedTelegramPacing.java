package dev.punchcard.bot.telegram;

import java.time.Duration;

import dev.punchcard.bot.pacing.SendPacing;
import dev.punchcard.bot.pacing.SharedRateLimits;
import dev.punchcard.bot.pacing.SharedRateLimits.Limit;
import reactor.core.publisher.Mono;

/**
 * Telegram's sending limits counted in Redis for all instances together, as Telegram
 * counts them per bot: the chat's turn first (about one message a second), then the bot's
 * (about 30 a second).
 */
final class SharedTelegramPacing implements SendPacing {

	private final SharedRateLimits limits;

	private final Duration maxWait;

	private final String botKey;

	private final Limit perChat;

	private final Limit perBot;

	/**
	 * @param botId the bot's numeric id (the part of its token before the colon, which is
	 * not secret)
	 */
	SharedTelegramPacing(SharedRateLimits limits, String botId, TelegramProperties.RateLimits settings) {
		this.limits = limits;
		this.maxWait = settings.maxWait();
		this.botKey = "pacing:telegram:" + botId;
		this.perChat = new Limit(Math.max(1, Math.round(settings.perChatPerSecond() * 60)), Duration.ofMinutes(1),
				settings.perChatBurst());
		this.perBot = new Limit(Math.max(1, Math.round(settings.globalPerSecond() * 60)), Duration.ofMinutes(1),
				settings.globalBurst());
	}

	@Override
	public Mono<Void> awaitTurn(String chatId) {
		return this.limits.take(this.botKey + ":chat:" + chatId, this.perChat, this.maxWait)
			.then(this.limits.take(this.botKey, this.perBot, this.maxWait));
	}

}
