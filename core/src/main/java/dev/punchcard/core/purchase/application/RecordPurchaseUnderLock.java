package dev.punchcard.core.purchase.application;

import java.time.Clock;
import java.time.Instant;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerStatus;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.purchase.application.PurchaseOutcome.Credited;
import dev.punchcard.core.purchase.application.PurchaseOutcome.CustomerBlocked;
import dev.punchcard.core.purchase.application.PurchaseOutcome.UnknownCard;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.store.domain.Store;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Records a purchase in one transaction under the customer's account lock: the way for a
 * referred customer's first purchase, whose bonus also credits the referrer, and for an
 * account that other purchases keep changing while {@link RecordPurchase} reads it.
 */
public class RecordPurchaseUnderLock {

	private final PurchaseParties parties;

	private final Purchases purchases;

	private final PointsLedger ledger;

	private final PurchaseFollowUps followUps;

	private final LoyaltyProgram program;

	private final Clock clock;

	public RecordPurchaseUnderLock(PurchaseParties parties, Purchases purchases, PointsLedger ledger,
			PurchaseFollowUps followUps, LoyaltyProgram program, Clock clock) {
		this.parties = parties;
		this.purchases = purchases;
		this.ledger = ledger;
		this.followUps = followUps;
		this.program = program;
		this.clock = clock;
	}

	/**
	 * Emits what happened at the (active) store; never errors for business reasons. The
	 * command's currency is the program's.
	 */
	@Transactional
	public Mono<PurchaseOutcome> record(Store store, RecordPurchaseCommand command) {
		return this.parties.cardHolder(command.cardCode())
			.flatMap((customer) -> recordFor(customer, store, command))
			.switchIfEmpty(Mono.fromSupplier(UnknownCard::new));
	}

	private Mono<PurchaseOutcome> recordFor(Customer customer, Store store, RecordPurchaseCommand command) {
		if (customer.status() == CustomerStatus.BLOCKED) {
			return Mono.just(new CustomerBlocked());
		}
		// read the customer again under the lock: a purchase committed just before may
		// have changed their tier
		return this.ledger.lockAccount(customer.id())
			.flatMap((balance) -> this.parties.cardHolder(command.cardCode())
				.flatMap((current) -> prepare(current, store, command, balance)));
	}

	private Mono<PurchaseOutcome> prepare(Customer customer, Store store, RecordPurchaseCommand command,
			Points balance) {
		Instant now = (command.at() != null) ? command.at() : this.clock.instant();
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
						EntryKind.EARN, RecordPurchase.entryReason(purchase, store), RecordPurchase.SOURCE_TYPE,
						purchase.id().toString(), purchase.recordedAt()));
		return credited.then(this.followUps.after(customer, store, purchase, netSpend))
			.thenReturn(new Credited(RecordPurchase.receiptOf(purchase)));
	}

	private Mono<PurchaseOutcome> replay(Customer customer, Store store, RecordPurchaseCommand command) {
		return this.purchases.findByReceipt(store.id(), command.receiptNo())
			.map((known) -> RecordPurchase.replayOf(known, customer, command));
	}

}
