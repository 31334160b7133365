package dev.punchcard.core.reward.application;

import java.time.Instant;

import dev.punchcard.core.reward.domain.Voucher;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.StaffId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Issued vouchers. */
public interface Vouchers {

	/** Stores a new voucher and emits it. */
	Mono<Voucher> insert(Voucher voucher);

	/** Emits the voucher with this serial, or completes empty. */
	Mono<Voucher> findBySerial(long serial);

	/** Emits the voucher a redemption with this key issued, or completes empty. */
	Mono<Voucher> findByRequestKey(CustomerId customerId, String requestKey);

	/**
	 * Marks an issued voucher honoured; emits it, or completes empty when it is not in
	 * status ISSUED.
	 */
	Mono<Voucher> markHonoured(long serial, StaffId by, Instant at);

	/**
	 * Marks an issued voucher cancelled; emits it, or completes empty when it is not in
	 * status ISSUED.
	 */
	Mono<Voucher> markCancelled(long serial, Instant at);

	/**
	 * Emits one page of the customer's vouchers, newest first; completes empty past the
	 * last page.
	 */
	Flux<Voucher> ofCustomer(CustomerId customerId, int page, int size);

}
