package dev.punchcard.core.purchase.application;

import java.time.Clock;
import java.time.Instant;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerStatus;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.purchase.application.PurchaseOutcome.AlreadyRecorded;
import dev.punchcard.core.purchase.application.PurchaseOutcome.Credited;
import dev.punchcard.core.purchase.application.PurchaseOutcome.CustomerBlocked;
import dev.punchcard.core.purchase.application.PurchaseOutcome.ReceiptConflict;
import dev.punchcard.core.purchase.application.PurchaseOutcome.UnknownCard;
import dev.punchcard.core.purchase.application.PurchaseOutcome.UnknownStore;
import dev.punchcard.core.purchase.application.PurchaseOutcome.WrongCurrency;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.store.domain.Store;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * A till reports a purchase: once per (store, receipt number), the customer earns points
 * at their tier's multiplier, the tier is reviewed, and a notification is queued, all in
 * one transaction.
 */
public class RecordPurchase {

	static final String SOURCE_TYPE = "PURCHASE";

	private final PurchaseParties parties;

	private final Purchases purchases;

	private final PointsLedger ledger;

	private final PurchaseFollowUps followUps;

	private final LoyaltyProgram program;

	private final Clock clock;

	public RecordPurchase(PurchaseParties parties, Purchases purchases, PointsLedger ledger,
			PurchaseFollowUps followUps, LoyaltyProgram program, Clock clock) {
		this.parties = parties;
		this.purchases = purchases;
		this.ledger = ledger;
		this.followUps = followUps;
		this.program = program;
		this.clock = clock;
	}

	/** Emits what happened; never errors for business reasons. */
	@Transactional
	public Mono<PurchaseOutcome> record(RecordPurchaseCommand command) {
		if (!this.program.accepts(command.amount())) {
			return Mono.just(new WrongCurrency(this.program.currency().getCurrencyCode()));
		}
		return this.parties.store(command.storeCode())
			.flatMap((store) -> recordAt(store, command))
			.switchIfEmpty(Mono.fromSupplier(() -> new UnknownStore(command.storeCode())));
	}

	private Mono<PurchaseOutcome> recordAt(Store store, RecordPurchaseCommand command) {
		return this.parties.cardHolder(command.cardCode())
			.flatMap((customer) -> recordFor(customer, store, command))
			.switchIfEmpty(Mono.fromSupplier(UnknownCard::new));
	}

	private Mono<PurchaseOutcome> recordFor(Customer customer, Store store, RecordPurchaseCommand command) {
		if (customer.status() == CustomerStatus.BLOCKED) {
			return Mono.just(new CustomerBlocked());
		}
		return this.ledger.lockAccount(customer.id()).flatMap((balance) -> prepare(customer, store, command, balance));
	}

	private Mono<PurchaseOutcome> prepare(Customer customer, Store store, RecordPurchaseCommand command,
			Points balance) {
		Instant now = this.clock.instant();
		Points earned = this.program.pointsFor(command.amount(), customer.tier());
		// the net spend after this purchase is known before writing it: what was spent so
		// far plus this amount
		return this.purchases.netSpendSince(customer.id(), now.minus(this.program.tiers().window()))
			.map((spent) -> spent + command.amount().minorUnits())
			.flatMap((netSpend) -> insertOnce(customer, store, command,
					new Purchase(PurchaseId.random(), customer.id(), store.id(), command.receiptNo(), command.amount(),
							earned.value(), customer.tier(), 0, 0, balance.plus(earned).value(),
							this.program.tiers().tierFor(netSpend).name(), command.cashierId(), now, command.items()),
					netSpend));
	}

	private Mono<PurchaseOutcome> insertOnce(Customer customer, Store store, RecordPurchaseCommand command,
			Purchase purchase, long netSpend) {
		return this.purchases.insertIfAbsent(purchase)
			.flatMap((inserted) -> credit(customer, store, inserted, netSpend))
			.switchIfEmpty(Mono.defer(() -> replay(customer, store, command)));
	}

	private Mono<PurchaseOutcome> credit(Customer customer, Store store, Purchase purchase, long netSpend) {
		Mono<Points> credited = purchase.pointsEarned() == 0 ? Mono.just(Points.ZERO)
				: this.ledger.append(LedgerEntry.of(purchase.customerId(), Points.of(purchase.pointsEarned()),
						EntryKind.EARN, "purchase " + purchase.receiptNo() + " at " + store.code(), SOURCE_TYPE,
						purchase.id().toString(), purchase.recordedAt()));
		return credited.then(this.followUps.after(customer, store, purchase, netSpend))
			.thenReturn(new Credited(receiptOf(purchase)));
	}

	private Mono<PurchaseOutcome> replay(Customer customer, Store store, RecordPurchaseCommand command) {
		return this.purchases.findByReceipt(store.id(), command.receiptNo())
			.map((known) -> known.sameAs(customer.id(), command.amount()) ? new AlreadyRecorded(receiptOf(known))
					: new ReceiptConflict(command.receiptNo()));
	}

	private static PurchaseReceipt receiptOf(Purchase purchase) {
		return new PurchaseReceipt(purchase.id(), purchase.customerId(), purchase.pointsEarned(),
				purchase.balanceAfter(), purchase.tierAfter());
	}

}
