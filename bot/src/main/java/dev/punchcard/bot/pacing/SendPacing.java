package dev.punchcard.bot.pacing;

import reactor.core.publisher.Mono;

/**
 * Spaces out one channel's messages within the platform's limits (per recipient and for
 * the bot or number as a whole). The production implementations count in Redis, across
 * instances ({@link SharedRateLimits}).
 */
@FunctionalInterface
public interface SendPacing {

	/**
	 * Completes when one message to {@code recipient} may be sent, and counts it; errors
	 * when the turn would come too late.
	 */
	Mono<Void> awaitTurn(String recipient);

}
