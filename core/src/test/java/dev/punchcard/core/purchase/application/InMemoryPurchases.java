package dev.punchcard.core.purchase.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.punchcard.core.purchase.domain.LineItem;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.purchase.domain.Refund;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.store.application.InMemoryStores;
import dev.punchcard.core.store.domain.Store;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Purchases and refunds in memory, with the guarantees of {@code R2dbcPurchases} and the
 * {@code purchases} and {@code refunds} tables: one purchase per (store, receipt number)
 * and one refund per (purchase, refund number), a second completes empty; a purchase
 * starts with nothing refunded or reversed whatever it is given; a refund is added only
 * while the refunded total stays within the amount paid; the checks on amounts and points
 * error like the SQL constraints do. As the adapter's row mapping, purchases read back
 * carry no line items ({@link #itemsOf} shows what was stored). Work happens on
 * subscription, one operation at a time.
 */
public class InMemoryPurchases implements Purchases {

	private final InMemoryStores stores;

	private final Map<PurchaseId, Purchase> purchases = new LinkedHashMap<>();

	private final Map<PurchaseId, List<LineItem>> items = new LinkedHashMap<>();

	private final List<Refund> refunds = new ArrayList<>();

	/**
	 * @param stores the stores the purchase history joins for their names
	 */
	public InMemoryPurchases(InMemoryStores stores) {
		this.stores = stores;
	}

	@Override
	public Mono<Purchase> insertIfAbsent(Purchase purchase) {
		return Mono.fromSupplier(() -> insertNow(purchase));
	}

	@Override
	public Flux<PurchaseId> insertAllIfAbsent(List<Purchase> purchases) {
		return Flux.defer(() -> Flux.fromIterable(insertAllNow(purchases)));
	}

	private synchronized List<PurchaseId> insertAllNow(List<Purchase> purchases) {
		List<PurchaseId> inserted = new ArrayList<>();
		for (Purchase purchase : purchases) {
			Purchase stored = insertNow(purchase);
			if (stored != null) {
				inserted.add(stored.id());
			}
		}
		return inserted;
	}

	@Override
	public Flux<Purchase> findByReceipts(List<StoreId> storeIds, List<String> receiptNos) {
		return Flux.defer(() -> {
			List<Purchase> found = new ArrayList<>();
			for (int i = 0; i < storeIds.size(); i++) {
				Purchase purchase = findByReceiptNow(storeIds.get(i), receiptNos.get(i));
				if (purchase != null && !found.contains(purchase)) {
					found.add(purchase);
				}
			}
			return Flux.fromIterable(found);
		});
	}

	@Override
	public Mono<Purchase> findByReceipt(StoreId storeId, String receiptNo) {
		return Mono.fromSupplier(() -> findByReceiptNow(storeId, receiptNo));
	}

	@Override
	public Mono<Purchase> findById(PurchaseId id) {
		return Mono.fromSupplier(() -> findByIdNow(id));
	}

	@Override
	public Flux<PurchaseLine> historyOf(CustomerId customerId, int page, int size) {
		return Flux.defer(() -> Flux.fromIterable(historyNow(customerId))).skip((long) page * size).take(size);
	}

	@Override
	public Mono<Long> countOf(CustomerId customerId) {
		return Mono.fromSupplier(() -> (long) purchasesOf(customerId).size());
	}

	@Override
	public Mono<Long> netSpendSince(CustomerId customerId, Instant since) {
		return Mono.fromSupplier(() -> netSpendNow(customerId, since));
	}

	@Override
	public Mono<Boolean> addRefunded(PurchaseId id, long amountMinor, long points) {
		return Mono.fromSupplier(() -> addRefundedNow(id, amountMinor, points));
	}

	@Override
	public Mono<Refund> insertRefundIfAbsent(Refund refund) {
		return Mono.fromSupplier(() -> insertRefundNow(refund));
	}

	@Override
	public Mono<Refund> findRefund(PurchaseId purchaseId, String refundNo) {
		return Mono.fromSupplier(() -> findRefundNow(purchaseId, refundNo));
	}

	/**
	 * Stores a purchase directly (its refund totals start at zero); returns it as stored.
	 */
	public Purchase save(Purchase purchase) {
		if (insertNow(purchase) == null) {
			throw new IllegalStateException("receipt already recorded: " + purchase.receiptNo());
		}
		return get(purchase.id());
	}

	/** The purchase as stored now, with its running refund totals. */
	public synchronized Purchase get(PurchaseId id) {
		Purchase purchase = this.purchases.get(id);
		if (purchase == null) {
			throw new IllegalStateException("no purchase " + id);
		}
		return purchase;
	}

	/** The customer's purchases in the order they were stored. */
	public synchronized List<Purchase> purchasesOf(CustomerId customerId) {
		return this.purchases.values().stream().filter((purchase) -> purchase.customerId().equals(customerId)).toList();
	}

	/** The line items stored with the purchase. */
	public synchronized List<LineItem> itemsOf(PurchaseId id) {
		return this.items.getOrDefault(id, List.of());
	}

	/** The refunds of the purchase in the order they were stored. */
	public synchronized List<Refund> refundsOf(PurchaseId id) {
		return this.refunds.stream().filter((refund) -> refund.purchaseId().equals(id)).toList();
	}

	private synchronized @Nullable Purchase insertNow(Purchase purchase) {
		if (purchase.amount().minorUnits() <= 0) {
			throw new DataIntegrityViolationException("purchases_amount_check");
		}
		if (purchase.pointsEarned() < 0) {
			throw new DataIntegrityViolationException("purchases_points_check");
		}
		if (findByReceiptNow(purchase.storeId(), purchase.receiptNo()) != null) {
			return null;
		}
		if (this.purchases.containsKey(purchase.id())) {
			throw new DuplicateKeyException("purchases_pkey");
		}
		// refunded_minor and points_reversed are not inserted: they start at their
		// default 0
		this.purchases.put(purchase.id(), asRow(purchase, 0, 0));
		if (!purchase.items().isEmpty()) {
			this.items.put(purchase.id(), List.copyOf(purchase.items()));
		}
		return purchase;
	}

	private synchronized @Nullable Purchase findByReceiptNow(StoreId storeId, String receiptNo) {
		return this.purchases.values()
			.stream()
			.filter((purchase) -> purchase.storeId().equals(storeId) && purchase.receiptNo().equals(receiptNo))
			.findFirst()
			.orElse(null);
	}

	private synchronized @Nullable Purchase findByIdNow(PurchaseId id) {
		return this.purchases.get(id);
	}

	// an inner join on stores, newest first
	private synchronized List<PurchaseLine> historyNow(CustomerId customerId) {
		List<PurchaseLine> lines = new ArrayList<>();
		purchasesOf(customerId).stream()
			.sorted(Comparator.comparing(Purchase::recordedAt)
				.reversed()
				.thenComparing((purchase) -> purchase.id().value()))
			.forEach((purchase) -> {
				Store store = this.stores.find(purchase.storeId());
				if (store != null) {
					lines.add(new PurchaseLine(purchase.id(), store.name(), purchase.recordedAt(),
							purchase.amount().minorUnits(), purchase.amount().currency().getCurrencyCode(),
							purchase.pointsEarned(), purchase.refundedMinor()));
				}
			});
		return lines;
	}

	private synchronized long netSpendNow(CustomerId customerId, Instant since) {
		return purchasesOf(customerId).stream()
			.filter((purchase) -> purchase.recordedAt().isAfter(since))
			.mapToLong((purchase) -> purchase.amount().minorUnits() - purchase.refundedMinor())
			.sum();
	}

	private synchronized boolean addRefundedNow(PurchaseId id, long amountMinor, long points) {
		Purchase purchase = this.purchases.get(id);
		if (purchase == null || purchase.refundedMinor() + amountMinor > purchase.amount().minorUnits()) {
			return false;
		}
		long refunded = purchase.refundedMinor() + amountMinor;
		long reversed = purchase.pointsReversed() + points;
		if (refunded < 0) {
			throw new DataIntegrityViolationException("purchases_refunded_check");
		}
		if (reversed < 0 || reversed > purchase.pointsEarned()) {
			throw new DataIntegrityViolationException("purchases_points_reversed_check");
		}
		this.purchases.put(id, asRow(purchase, refunded, reversed));
		return true;
	}

	private synchronized @Nullable Refund insertRefundNow(Refund refund) {
		if (refund.amountMinor() <= 0) {
			throw new DataIntegrityViolationException("refunds_amount_check");
		}
		if (refund.pointsReversed() < 0) {
			throw new DataIntegrityViolationException("refunds_points_check");
		}
		if (!this.purchases.containsKey(refund.purchaseId())) {
			throw new DataIntegrityViolationException("refunds_purchase_id_fkey");
		}
		if (findRefundNow(refund.purchaseId(), refund.refundNo()) != null) {
			return null;
		}
		if (this.refunds.stream().anyMatch((known) -> known.id().equals(refund.id()))) {
			throw new DuplicateKeyException("refunds_pkey");
		}
		this.refunds.add(refund);
		return refund;
	}

	private synchronized @Nullable Refund findRefundNow(PurchaseId purchaseId, String refundNo) {
		return this.refunds.stream()
			.filter((refund) -> refund.purchaseId().equals(purchaseId) && refund.refundNo().equals(refundNo))
			.findFirst()
			.orElse(null);
	}

	private static Purchase asRow(Purchase purchase, long refundedMinor, long pointsReversed) {
		return new Purchase(purchase.id(), purchase.customerId(), purchase.storeId(), purchase.receiptNo(),
				purchase.amount(), purchase.pointsEarned(), purchase.tierAtPurchase(), refundedMinor, pointsReversed,
				purchase.balanceAfter(), purchase.tierAfter(), purchase.cashierId(), purchase.recordedAt(), List.of());
	}

}
