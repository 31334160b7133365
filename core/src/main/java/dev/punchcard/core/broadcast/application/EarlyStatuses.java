package dev.punchcard.core.broadcast.application;

import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * Statuses of broadcast messages that came before their send was settled, kept until a
 * recipient has the message id. The settle applies them itself; this port is for the
 * catch-up of those it could not ({@link CatchUpEarlyStatuses}).
 */
public interface EarlyStatuses {

	/**
	 * Forgets every status kept before {@code before}, whether its send was settled since
	 * or not; emits how many.
	 */
	Mono<Long> forgetKeptBefore(Instant before);

	/**
	 * Applies up to {@code max} statuses kept since {@code keptSince} whose message a
	 * recipient now has, by rank (a recipient never moves back), and deletes them, in one
	 * statement: each status is applied once however many callers run at once. Emits how
	 * many kept statuses it applied.
	 */
	Mono<Long> applySettled(Instant keptSince, int max);

}
