package dev.punchcard.core.purchase.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import dev.punchcard.core.customer.application.InMemoryCustomers;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.notification.application.InMemoryNotifications;
import dev.punchcard.core.points.application.InMemoryPointsLedger;
import dev.punchcard.core.purchase.application.PurchaseCredit.TierChange;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.shared.domain.StoreId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The till's account view over the other fakes, with the guarantees of
 * {@code R2dbcPurchaseAccounts}: a credit writes all of itself or, when the balance
 * changed since the read or the receipt is taken, nothing.
 */
public class InMemoryPurchaseAccounts implements PurchaseAccounts {

	private final InMemoryCustomers customers;

	private final InMemoryPointsLedger ledger;

	private final InMemoryPurchases purchases;

	private final InMemoryNotifications notifications;

	private int creditsRefused;

	private int interleavings;

	private Runnable interleaved = () -> {
	};

	public InMemoryPurchaseAccounts(InMemoryCustomers customers, InMemoryPointsLedger ledger,
			InMemoryPurchases purchases, InMemoryNotifications notifications) {
		this.customers = customers;
		this.ledger = ledger;
		this.purchases = purchases;
		this.notifications = notifications;
	}

	@Override
	public Mono<PurchaseAccount> find(long cardNumber, StoreId storeId, String receiptNo, Instant spendSince) {
		return this.customers.findByCardNumber(cardNumber)
			.flatMap((holder) -> Mono.zip(this.purchases.netSpendSince(holder.id(), spendSince),
					this.purchases.findByReceipt(storeId, receiptNo).map(Recorded::new).defaultIfEmpty(Recorded.NONE))
				.flatMap((found) -> accountOf(holder, found.getT1(), found.getT2().purchase())));
	}

	@Override
	public Flux<HolderBalance> holders(Collection<Long> cardNumbers) {
		return Flux.fromIterable(List.copyOf(cardNumbers))
			.concatMap(this.customers::findByCardNumber)
			.filter((holder) -> this.ledger.versionOf(holder.id()) != null)
			.map((holder) -> new HolderBalance(holder, Points.of(this.ledger.balance(holder.id()))));
	}

	@Override
	public Mono<Boolean> credit(PurchaseCredit credit) {
		return Mono.fromSupplier(() -> creditNow(credit));
	}

	/**
	 * Runs the action just before each of the next credits is written, as another request
	 * writing between a read and its credit would; for tests of what a lost race does.
	 */
	public synchronized void interleaveBeforeCredits(int times, Runnable action) {
		this.interleavings = times;
		this.interleaved = action;
	}

	/** How many credits found the account or the receipt changed since they were read. */
	public synchronized int creditsRefused() {
		return this.creditsRefused;
	}

	private synchronized Mono<PurchaseAccount> accountOf(Customer holder, long netSpend, @Nullable Purchase recorded) {
		String version = this.ledger.versionOf(holder.id());
		if (version == null) {
			return Mono.empty();
		}
		boolean referralDue = holder.referredBy() != null && this.customers.referralRewardedAt(holder.id()) == null;
		return Mono.just(new PurchaseAccount(holder, Points.of(this.ledger.balance(holder.id())), version, netSpend,
				referralDue, recorded));
	}

	private synchronized boolean creditNow(PurchaseCredit credit) {
		if (this.interleavings > 0) {
			this.interleavings--;
			this.interleaved.run();
		}
		Purchase purchase = credit.purchase();
		// the statement fails on the receipt's unique key, or its guarded UPDATE matches
		// nothing
		if (this.purchases.findByReceipt(purchase.storeId(), purchase.receiptNo()).blockOptional().isPresent()
				|| this.ledger.creditAtVersion(purchase.customerId(), credit.accountVersion(), purchase.pointsEarned(),
						credit.entry()) == null) {
			this.creditsRefused++;
			return false;
		}
		this.purchases.save(purchase);
		TierChange change = credit.tierChange();
		if (change != null) {
			this.customers
				.changeTier(purchase.customerId(), change.from(), change.to(), change.netSpendMinor(),
						RecordPurchase.SOURCE_TYPE, purchase.id().toString(), purchase.recordedAt())
				.block();
		}
		this.notifications.enqueue(credit.notification()).block();
		return true;
	}

	private record Recorded(@Nullable Purchase purchase) {

		static final Recorded NONE = new Recorded(null);

	}

}
