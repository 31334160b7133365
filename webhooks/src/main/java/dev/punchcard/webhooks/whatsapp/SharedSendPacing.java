package dev.punchcard.webhooks.whatsapp;

import dev.punchcard.bot.pacing.SendPacing;
import dev.punchcard.bot.pacing.SharedRateLimits;
import dev.punchcard.bot.pacing.SharedRateLimits.Limit;
import reactor.core.publisher.Mono;

/**
 * WhatsApp's sending limits, counted in Redis for all instances together: the recipient's
 * turn first (the pair rate limit, 131056: a burst, then one message per interval), then
 * the business number's (its messages per second, 130429).
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
		this.numberKey = "pacing:whatsapp:" + phoneNumberId;
		this.perNumber = Limit.perSecond(settings.perSecond());
		this.perRecipient = Limit.onePer(settings.perRecipientInterval(), settings.perRecipientBurst());
	}

	@Override
	public Mono<Void> awaitTurn(String recipient) {
		return this.limits.take(this.numberKey + ":to:" + recipient, this.perRecipient, this.settings.maxWait())
			.then(this.limits.take(this.numberKey, this.perNumber, this.settings.maxWait()));
	}

}
