package dev.punchcard.bot.telegram;

import java.time.Duration;
import java.util.List;

import dev.punchcard.bot.pacing.SendPacing;
import dev.punchcard.bot.pacing.SendPriority;
import dev.punchcard.bot.pacing.SharedRateLimits;
import dev.punchcard.bot.pacing.SharedRateLimits.Limit;
import dev.punchcard.bot.pacing.SharedRateLimits.Slot;
import reactor.core.publisher.Mono;

/**
 * Telegram's sending limits counted in Redis for all instances together, as Telegram
 * counts them per bot: about one message per second to a chat (with a small burst) and
 * about 30 per second in all. Each message takes its chat's slot and the bot's in one
 * call, or neither. Broadcasts take what replies leave ({@link SendPriority#BULK}); a 429
 * holds the whole bot off.
 */
final class SharedTelegramPacing implements SendPacing {

	private final SharedRateLimits limits;

	private final String botKey;

	private final Limit perChat;

	private final Limit perBot;

	private final Duration maxWait;

	private final Duration bulkHorizon;

	private final Duration bulkMaxWait;

	private final double bulkShare;

	/**
	 * @param botId the bot's id (the token's part before the colon, not secret)
	 */
	SharedTelegramPacing(SharedRateLimits limits, String botId, TelegramProperties.RateLimits settings) {
		this.limits = limits;
		// one hash tag per bot: both keys of a message live on one Redis cluster node
		this.botKey = "pacing:telegram:{" + botId + "}";
		this.perChat = Limit.onePer(interval(settings.perChatPerSecond()), settings.perChatBurst());
		this.perBot = Limit.onePer(interval(settings.globalPerSecond()), settings.globalBurst());
		this.maxWait = settings.maxWait();
		this.bulkHorizon = settings.bulkHorizon();
		this.bulkMaxWait = settings.bulkMaxWait();
		this.bulkShare = settings.bulkShare();
	}

	@Override
	public Mono<Void> awaitTurn(String chatId) {
		return this.limits.take(slots(chatId), this.maxWait);
	}

	/** A broadcast message takes what replies leave of the bot's 30 per second. */
	@Override
	public Mono<Void> awaitTurn(String chatId, SendPriority priority) {
		return (priority == SendPriority.BULK)
				? this.limits.takeSpare(slots(chatId), this.bulkShare, this.bulkHorizon, this.bulkMaxWait)
				: awaitTurn(chatId);
	}

	/** Telegram answered 429 with a {@code retry_after}: the whole bot waits it out. */
	@Override
	public Mono<Void> holdOff(Duration wait) {
		return this.limits.holdOff(this.botKey, this.perBot, wait);
	}

	private List<Slot> slots(String chatId) {
		return List.of(new Slot(this.botKey + ":chat:" + chatId, this.perChat), new Slot(this.botKey, this.perBot));
	}

	private static Duration interval(double perSecond) {
		return Duration.ofNanos(Math.max(1_000, Math.round(1_000_000_000 / perSecond)));
	}

}
