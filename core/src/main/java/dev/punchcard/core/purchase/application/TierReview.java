package dev.punchcard.core.purchase.application;

import java.time.Instant;

import dev.punchcard.core.customer.application.Customers;
import dev.punchcard.core.points.domain.TierPolicy;
import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Mono;

/** Recomputes a customer's tier from their rolling net spend and records a change. */
public class TierReview {

	private final Purchases purchases;

	private final Customers customers;

	private final TierPolicy tiers;

	public TierReview(Purchases purchases, Customers customers, TierPolicy tiers) {
		this.purchases = purchases;
		this.customers = customers;
		this.tiers = tiers;
	}

	/**
	 * Emits the tier after the review; runs inside the caller's transaction, under its
	 * account lock.
	 */
	public Mono<String> review(CustomerId customerId, String causeType, String causeId, Instant at) {
		return this.customers.findById(customerId)
			.zipWith(this.purchases.netSpendSince(customerId, at.minus(this.tiers.window())))
			.flatMap((found) -> reviewAt(customerId, found.getT1().tier(), found.getT2(), causeType, causeId, at));
	}

	/**
	 * Emits the tier for a net spend the caller already knows, recording a change from
	 * the current tier.
	 */
	public Mono<String> reviewAt(CustomerId customerId, String currentTier, long netSpend, String causeType,
			String causeId, Instant at) {
		String reached = this.tiers.tierFor(netSpend).name();
		if (reached.equals(currentTier)) {
			return Mono.just(currentTier);
		}
		return this.customers.changeTier(customerId, currentTier, reached, netSpend, causeType, causeId, at)
			.thenReturn(reached);
	}

}
