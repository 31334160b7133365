package dev.punchcard.core.customer.application;

import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Mono;

/** The messenger each member chose for their notifications. */
public interface PreferredChannels {

	/**
	 * Records the member's choice; emits whether it changed (false when it was that one
	 * already, or the member is unknown).
	 */
	Mono<Boolean> prefer(CustomerId customerId, ChatChannel channel);

}
