package dev.punchcard.core.purchase.application;

import java.time.Clock;
import java.time.Instant;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerStatus;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.purchase.application.PurchaseCredit.TierChange;
import dev.punchcard.core.purchase.application.PurchaseOutcome.AlreadyRecorded;
import dev.punchcard.core.purchase.application.PurchaseOutcome.Credited;
import dev.punchcard.core.purchase.application.PurchaseOutcome.CustomerBlocked;
import dev.punchcard.core.purchase.application.PurchaseOutcome.ReceiptConflict;
import dev.punchcard.core.purchase.application.PurchaseOutcome.UnknownCard;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.store.domain.Store;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A till reports a purchase: once per (store, receipt number), the customer earns points
 * at their tier's multiplier, the tier is reviewed, and a notification is queued, all
 * written together or not at all.
 * <p>
 * Without a lock as a rule: the account is read, the purchase computed from it, and all
 * of it written in one statement only if the account is still as it was read; otherwise
 * it is read again. A referred customer's first purchase (its bonus also credits the
 * referrer) and an account that other purchases keep changing meanwhile are recorded
 * under the account's lock instead ({@link RecordPurchaseUnderLock}).
 */
public class RecordPurchase {

	static final String SOURCE_TYPE = "PURCHASE";

	/**
	 * Unlocked tries before taking the lock; each lost try means another purchase of the
	 * same customer was written first.
	 */
	static final int UNLOCKED_ATTEMPTS = 3;

	private final PurchaseParties parties;

	private final PurchaseAccounts accounts;

	private final RecordPurchaseUnderLock underLock;

	private final LoyaltyProgram program;

	private final Clock clock;

	public RecordPurchase(PurchaseParties parties, PurchaseAccounts accounts, RecordPurchaseUnderLock underLock,
			LoyaltyProgram program, Clock clock) {
		this.parties = parties;
		this.accounts = accounts;
		this.underLock = underLock;
		this.program = program;
		this.clock = clock;
	}

	/** Emits what happened; never errors for business reasons. */
	public Mono<PurchaseOutcome> record(RecordPurchaseCommand command) {
		return PurchaseChecks.thenRecord(this.parties, this.program, command,
				(store, cardNumber) -> attempt(store, command, cardNumber, 1));
	}

	private Mono<PurchaseOutcome> attempt(Store store, RecordPurchaseCommand command, long cardNumber, int attempt) {
		Instant now = (command.at() != null) ? command.at() : this.clock.instant();
		return this.accounts.find(cardNumber, store.id(), command.receiptNo(), now.minus(this.program.tiers().window()))
			.flatMap((account) -> recordOn(account, store, command, now, cardNumber, attempt))
			.switchIfEmpty(Mono.fromSupplier(UnknownCard::new));
	}

	private Mono<PurchaseOutcome> recordOn(PurchaseAccount account, Store store, RecordPurchaseCommand command,
			Instant now, long cardNumber, int attempt) {
		Customer customer = account.holder();
		// a till's retry gets its original answer, even if the member was blocked since
		Purchase recorded = account.recorded();
		if (recorded != null) {
			return Mono.just(replayOf(recorded, customer, command));
		}
		if (customer.status() == CustomerStatus.BLOCKED) {
			return Mono.just(new CustomerBlocked());
		}
		if (account.referralBonusDue() || attempt > UNLOCKED_ATTEMPTS) {
			return this.underLock.record(store, command);
		}
		PurchaseCredit credit = creditFor(account, store, command, now);
		return this.accounts.credit(credit)
			.flatMap((written) -> written ? Mono.just(new Credited(receiptOf(credit.purchase())))
					: attempt(store, command, cardNumber, attempt + 1));
	}

	private PurchaseCredit creditFor(PurchaseAccount account, Store store, RecordPurchaseCommand command, Instant now) {
		Customer customer = account.holder();
		Points earned = this.program.pointsFor(command.amount(), customer.tier());
		long netSpend = account.netSpendMinor() + command.amount().minorUnits();
		String tierAfter = this.program.tiers().tierFor(netSpend).name();
		Purchase purchase = new Purchase(PurchaseId.random(), customer.id(), store.id(), command.receiptNo(),
				command.amount(), earned.value(), customer.tier(), 0, 0, account.balance().plus(earned).value(),
				tierAfter, command.cashierId(), now, command.items());
		@Nullable LedgerEntry entry = earned.isZero() ? null : LedgerEntry.of(customer.id(), earned, EntryKind.EARN,
				entryReason(purchase, store), SOURCE_TYPE, purchase.id().toString(), now);
		@Nullable TierChange tierChange = tierAfter.equals(customer.tier()) ? null
				: new TierChange(customer.tier(), tierAfter, netSpend);
		return new PurchaseCredit(purchase, account.version(), entry, tierChange,
				PurchaseFollowUps.credited(store, purchase));
	}

	static String entryReason(Purchase purchase, Store store) {
		return "purchase " + purchase.receiptNo() + " at " + store.code();
	}

	static PurchaseOutcome replayOf(Purchase known, Customer customer, RecordPurchaseCommand command) {
		return known.sameAs(customer.id(), command.amount()) ? new AlreadyRecorded(receiptOf(known))
				: new ReceiptConflict(command.receiptNo());
	}

	static PurchaseReceipt receiptOf(Purchase purchase) {
		return new PurchaseReceipt(purchase.id(), purchase.customerId(), purchase.pointsEarned(),
				purchase.balanceAfter(), purchase.tierAfter());
	}

}
