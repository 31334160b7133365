package dev.punchcard.webhooks.whatsapp;

import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * WhatsApp's customer service window with each user: open for 24 hours from the last
 * message the user wrote; while it is open any message may go to them, otherwise only a
 * template.
 */
interface CustomerServiceWindow {

	Duration LENGTH = Duration.ofHours(24);

	/**
	 * The user wrote at {@code at} (the message's own time; one from the future counts as
	 * now): the window is open for 24 hours from then.
	 */
	Mono<Void> userWrote(String userId, Instant at);

	/** Whether a free-form message sent now still arrives inside the window. */
	Mono<Boolean> isOpen(String userId);

	/** WhatsApp said the window is closed (131047), whatever was recorded. */
	Mono<Void> closed(String userId);

}
