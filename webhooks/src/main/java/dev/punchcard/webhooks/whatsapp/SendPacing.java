package dev.punchcard.webhooks.whatsapp;

import reactor.core.publisher.Mono;

/**
 * Spaces out the messages sent from the business number: its throughput (130429) and the
 * per-recipient pair rate limit (131056), counted across instances.
 */
public interface SendPacing {

	/**
	 * Completes when one message to {@code recipient} may be sent, and counts it; errors
	 * when the turn would come too late.
	 */
	Mono<Void> awaitTurn(String recipient);

}
