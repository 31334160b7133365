package dev.punchcard.webhooks.whatsapp;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * WhatsApp's messaging limit: how many unique users the business portfolio may reach
 * outside the customer service window in a rolling 24 hours (250, 2,000, 10,000, 100,000
 * or unlimited, shared by all the portfolio's numbers). A message inside the window,
 * where the user wrote lately, does not count.
 */
@FunctionalInterface
interface MessagingLimit {

	/** The rolling period of the limit. */
	Duration ROLLING = Duration.ofHours(24);

	/** No limit: every template may go. */
	MessagingLimit UNLIMITED = (waId) -> Mono.just(Duration.ZERO);

	/**
	 * Emits {@link Duration#ZERO} when a template may go to {@code waId} now (and counts
	 * the user when their window is closed), else how long until the limit has room
	 * again.
	 */
	Mono<Duration> admit(String waId);

}
