package dev.punchcard.webhooks.whatsapp;

import java.time.Duration;

import dev.punchcard.bot.pacing.RollingRecipients;
import reactor.core.publisher.Mono;

/**
 * The messaging limit counted in Redis for all instances together, as a rolling set of
 * the users reached outside their window ({@link RollingRecipients}), up to the level the
 * portfolio has now ({@link PortfolioLevel}).
 */
final class RedisMessagingLimit implements MessagingLimit {

	private final RollingRecipients recipients;

	private final CustomerServiceWindow window;

	private final String key;

	private final PortfolioLevel level;

	/**
	 * @param portfolio the business portfolio's id (or the number's, with one number)
	 */
	RedisMessagingLimit(RollingRecipients recipients, CustomerServiceWindow window, String portfolio,
			PortfolioLevel level) {
		this.recipients = recipients;
		this.window = window;
		this.key = "pacing:whatsapp:portfolio:{" + portfolio + "}:reached";
		this.level = level;
	}

	@Override
	public Mono<Duration> admit(String waId) {
		return this.level.current().flatMap((level) -> admit(waId, level));
	}

	private Mono<Duration> admit(String waId, WhatsAppProperties.MessagingLevel level) {
		if (level == WhatsAppProperties.MessagingLevel.UNLIMITED) {
			return Mono.just(Duration.ZERO);
		}
		return this.window.isOpen(waId)
			.flatMap((open) -> open ? Mono.just(Duration.ZERO)
					: this.recipients.admit(this.key, waId, level.users(), ROLLING));
	}

}
