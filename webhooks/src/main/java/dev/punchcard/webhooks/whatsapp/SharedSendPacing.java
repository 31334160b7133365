package dev.punchcard.webhooks.whatsapp;

import java.time.Duration;
import java.util.List;

import dev.punchcard.bot.pacing.SendPacing;
import dev.punchcard.bot.pacing.SendPriority;
import dev.punchcard.bot.pacing.SharedRateLimits;
import dev.punchcard.bot.pacing.SharedRateLimits.Limit;
import dev.punchcard.bot.pacing.SharedRateLimits.Slot;
import reactor.core.publisher.Mono;

/**
 * WhatsApp's sending limits, counted in Redis for all instances together: the recipient's
 * (the pair rate limit, 131056: a burst, then one message per interval) and the business
 * number's (its messages per second, 130429), both taken in one call or neither.
 * Broadcasts take what replies leave ({@link SendPriority#BULK}); a 130429 holds the
 * whole number off.
 */
final class SharedSendPacing implements SendPacing {

	private final SharedRateLimits limits;

	private final WhatsAppProperties.RateLimits settings;

	private final String numberKey;

	private final Limit perNumber;

	private final Limit perRecipient;

	SharedSendPacing(SharedRateLimits limits, String phoneNumberId, WhatsAppProperties.RateLimits settings) {
		this.limits = limits;
		this.settings = settings;
		// one hash tag per number: both keys of a message live on one Redis cluster node
		this.numberKey = "pacing:whatsapp:{" + phoneNumberId + "}";
		this.perNumber = Limit.perSecond(settings.perSecond());
		this.perRecipient = Limit.onePer(settings.perRecipientInterval(), settings.perRecipientBurst());
	}

	@Override
	public Mono<Void> awaitTurn(String recipient) {
		return this.limits.take(slots(recipient), this.settings.maxWait());
	}

	/**
	 * A broadcast message takes what replies and notifications leave of the number's
	 * rate.
	 */
	@Override
	public Mono<Void> awaitTurn(String recipient, SendPriority priority) {
		return (priority == SendPriority.BULK) ? this.limits.takeSpare(slots(recipient), this.settings.bulkShare(),
				this.settings.bulkHorizon(), this.settings.bulkMaxWait()) : awaitTurn(recipient);
	}

	/** WhatsApp answered 130429: the number as a whole waits, on every instance. */
	@Override
	public Mono<Void> holdOff(Duration wait) {
		return this.limits.holdOff(this.numberKey, this.perNumber, wait);
	}

	private List<Slot> slots(String recipient) {
		return List.of(new Slot(this.numberKey + ":to:" + recipient, this.perRecipient),
				new Slot(this.numberKey, this.perNumber));
	}

}
