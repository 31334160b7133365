package dev.punchcard.core.customer.application;

import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Mono;

/**
 * Folds a member who has nothing yet into another, when one person turns out to have two
 * memberships (one per messenger).
 */
public interface CustomerMerges {

	/**
	 * Moves every chat account (and pending notification) of {@code from} to {@code into}
	 * and deletes {@code from}, only when {@code from} has no history: no purchases, no
	 * ledger entries, no vouchers, no friends it referred, and a zero balance.
	 * {@code into} takes over the phone number of {@code from} when it has none. Emits
	 * false and changes nothing when {@code from} has history or is unknown. Runs in the
	 * caller's transaction.
	 */
	Mono<Boolean> mergeIfUnused(CustomerId from, CustomerId into);

}
