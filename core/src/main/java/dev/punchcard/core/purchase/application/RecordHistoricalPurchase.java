package dev.punchcard.core.purchase.application;

import java.time.Clock;
import java.time.Instant;

import dev.punchcard.core.customer.domain.CustomerStatus;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.purchase.application.PurchaseOutcome.Credited;
import dev.punchcard.core.purchase.application.PurchaseOutcome.CustomerBlocked;
import dev.punchcard.core.purchase.application.PurchaseOutcome.UnknownCard;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.store.domain.Store;
import reactor.core.publisher.Mono;

/**
 * A purchase from before the program (an import marked historical) is recorded for the
 * member's history and analytics only: once per (store, receipt number) as a live one,
 * with the same checks (active store, valid card, member not blocked), but earning no
 * points, writing no ledger entry, changing no tier and telling nobody. It still counts
 * in the member's net spend from then on, as any purchase does. Answers {@link Credited}
 * with zero points when recorded now.
 */
public class RecordHistoricalPurchase {

	private final PurchaseParties parties;

	private final PurchaseAccounts accounts;

	private final Purchases purchases;

	private final LoyaltyProgram program;

	private final Clock clock;

	public RecordHistoricalPurchase(PurchaseParties parties, PurchaseAccounts accounts, Purchases purchases,
			LoyaltyProgram program, Clock clock) {
		this.parties = parties;
		this.accounts = accounts;
		this.purchases = purchases;
		this.program = program;
		this.clock = clock;
	}

	/** Emits what happened; never errors for business reasons. */
	public Mono<PurchaseOutcome> record(RecordPurchaseCommand command) {
		Instant at = (command.at() != null) ? command.at() : this.clock.instant();
		return PurchaseChecks.thenRecord(this.parties, this.program, command,
				(store, cardNumber) -> this.accounts.find(cardNumber, store.id(), command.receiptNo(), at)
					.flatMap((account) -> recordOn(account, store, command, at))
					.switchIfEmpty(Mono.fromSupplier(UnknownCard::new)));
	}

	private Mono<PurchaseOutcome> recordOn(PurchaseAccount account, Store store, RecordPurchaseCommand command,
			Instant at) {
		Purchase recorded = account.recorded();
		if (recorded != null) {
			return Mono.just(RecordPurchase.replayOf(recorded, account.holder(), command));
		}
		if (account.holder().status() == CustomerStatus.BLOCKED) {
			return Mono.just(new CustomerBlocked());
		}
		String tier = account.holder().tier();
		Purchase purchase = new Purchase(PurchaseId.random(), account.holder().id(), store.id(), command.receiptNo(),
				command.amount(), 0, tier, 0, 0, account.balance().value(), tier, command.cashierId(), at,
				command.items());
		return this.purchases.insertIfAbsent(purchase)
			.<PurchaseOutcome>map((inserted) -> new Credited(RecordPurchase.receiptOf(inserted)))
			.switchIfEmpty(Mono.defer(() -> this.purchases.findByReceipt(store.id(), command.receiptNo())
				.map((known) -> RecordPurchase.replayOf(known, account.holder(), command))));
	}

}
