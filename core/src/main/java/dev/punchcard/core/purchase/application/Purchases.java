package dev.punchcard.core.purchase.application;

import java.time.Instant;
import java.util.List;

import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.purchase.domain.Refund;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.shared.domain.StoreId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Recorded purchases and their refunds. */
public interface Purchases {

	/**
	 * Stores the purchase and its items. Emits it, or completes empty when its (store,
	 * receipt) is known.
	 */
	Mono<Purchase> insertIfAbsent(Purchase purchase);

	/**
	 * Stores the purchases and their items in one statement. Emits the ids of those
	 * stored; one whose (store, receipt) is known, or repeats an earlier one of the list,
	 * is left out.
	 */
	Flux<PurchaseId> insertAllIfAbsent(List<Purchase> purchases);

	/**
	 * Emits the purchases recorded for these receipts, the i-th receipt number at the
	 * i-th store, in one read; receipts not recorded are left out.
	 */
	Flux<Purchase> findByReceipts(List<StoreId> storeIds, List<String> receiptNos);

	/** Emits the purchase recorded for this receipt at this store, or completes empty. */
	Mono<Purchase> findByReceipt(StoreId storeId, String receiptNo);

	/** Emits the purchase, or completes empty. */
	Mono<Purchase> findById(PurchaseId id);

	/** Emits a page of the customer's purchase history with store names, newest first. */
	Flux<PurchaseLine> historyOf(CustomerId customerId, int page, int size);

	/** Emits how many purchases the customer made. */
	Mono<Long> countOf(CustomerId customerId);

	/** Emits the customer's purchases minus refunds since the instant, in minor units. */
	Mono<Long> netSpendSince(CustomerId customerId, Instant since);

	/**
	 * Adds a refund to the purchase's running totals. Emits true, or false when it would
	 * refund more than was paid (then nothing changes).
	 */
	Mono<Boolean> addRefunded(PurchaseId id, long amountMinor, long points);

	/**
	 * Stores the refund. Emits it, or completes empty when its refund number is known for
	 * that purchase.
	 */
	Mono<Refund> insertRefundIfAbsent(Refund refund);

	/** Emits the refund with this number for the purchase, or completes empty. */
	Mono<Refund> findRefund(PurchaseId purchaseId, String refundNo);

}
