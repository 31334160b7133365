package dev.punchcard.bot.intake;

import dev.punchcard.core.chat.application.StoredUpdate;
import reactor.core.publisher.Mono;

/** A channel's handling of one stored update: reads the payload, answers, sends. */
@FunctionalInterface
public interface StoredUpdateHandler {

	/**
	 * Completes when the update was handled (an update that can never be handled, such as
	 * an unreadable payload, counts as handled); errors when it should be tried again.
	 */
	Mono<Void> handle(StoredUpdate update);

}
