package dev.punchcard.core.customer.application;

import java.time.Instant;

import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Mono;

/** Read model of customers with balance and net spend. */
public interface CustomerViews {

	/**
	 * Emits the view with net spend counted since {@code spendSince}, or completes empty
	 * when unknown.
	 */
	Mono<CustomerView> findById(CustomerId id, Instant spendSince);

	/**
	 * Emits the view of the customer whose current card has this number, or completes
	 * empty.
	 */
	Mono<CustomerView> findByCardNumber(long cardNumber, Instant spendSince);

}
