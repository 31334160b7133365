package dev.punchcard.bot.pacing;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Spaces out one channel's messages within the platform's limits (per recipient and for
 * the bot or number as a whole). The production implementations count in Redis, across
 * instances ({@link SharedRateLimits}).
 */
@FunctionalInterface
public interface SendPacing {

	/**
	 * Completes when one reply or notification to {@code recipient} may be sent, and
	 * counts it; errors when the turn would come too late.
	 */
	Mono<Void> awaitTurn(String recipient);

	/**
	 * Completes when one message of the priority to {@code recipient} may be sent, and
	 * counts it; errors with {@link RateLimitWaitTooLongException} when the turn would
	 * come too late. Bulk sends take what replies leave over; pacing that does not tell
	 * them apart treats both alike.
	 */
	default Mono<Void> awaitTurn(String recipient, SendPriority priority) {
		return awaitTurn(recipient);
	}

	/**
	 * The platform answered that the bot or number as a whole sent too much: no message
	 * of either priority goes for {@code wait}, on any instance, and then they go on at
	 * the sustained rate. Pacing that cannot do this does nothing.
	 */
	default Mono<Void> holdOff(Duration wait) {
		return Mono.empty();
	}

}
