package dev.punchcard.core.purchase.application;

import java.time.Clock;

import dev.punchcard.core.card.domain.CodeSignerFixture;
import dev.punchcard.core.customer.application.InMemoryCustomers;
import dev.punchcard.core.notification.application.InMemoryNotifications;
import dev.punchcard.core.points.application.InMemoryPointsLedger;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.points.domain.ProgramFixture;
import dev.punchcard.core.purchase.application.PurchaseOutcome.Credited;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.store.application.InMemoryStores;
import dev.punchcard.core.support.TestClock;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purchase path over in-memory ports, wired as {@code PurchaseConfiguration} wires it
 * (program of {@link ProgramFixture}, referral bonus of 50 points); use cases are built
 * at a fixed clock.
 */
final class PurchaseDesk {

	static final Points REFERRAL_BONUS = Points.of(50);

	final InMemoryPointsLedger ledger = new InMemoryPointsLedger();

	final InMemoryCustomers customers = new InMemoryCustomers(this.ledger);

	final InMemoryStores stores = new InMemoryStores();

	final InMemoryPurchases purchases = new InMemoryPurchases(this.stores);

	final InMemoryNotifications notifications = new InMemoryNotifications();

	final InMemoryPurchaseAccounts accounts = new InMemoryPurchaseAccounts(this.customers, this.ledger, this.purchases,
			this.notifications);

	final LoyaltyProgram program = ProgramFixture.program();

	final TierReview tierReview = new TierReview(this.purchases, this.customers, this.program.tiers());

	RecordPurchase recordPurchase() {
		return recordPurchaseAt(TestClock.fixed());
	}

	RecordPurchase recordPurchaseAt(Clock clock) {
		return new RecordPurchase(parties(), this.accounts, recordPurchaseUnderLockAt(clock), this.program, clock);
	}

	RecordPurchaseUnderLock recordPurchaseUnderLock() {
		return recordPurchaseUnderLockAt(TestClock.fixed());
	}

	RecordPurchaseUnderLock recordPurchaseUnderLockAt(Clock clock) {
		PurchaseFollowUps followUps = new PurchaseFollowUps(this.tierReview,
				new ReferralBonus(this.customers, this.ledger, this.notifications, REFERRAL_BONUS), this.notifications);
		return new RecordPurchaseUnderLock(parties(), this.purchases, this.ledger, followUps, this.program, clock);
	}

	RecordHistoricalPurchase recordHistoricalPurchase() {
		return new RecordHistoricalPurchase(parties(), this.accounts, this.purchases, this.program, TestClock.fixed());
	}

	private PurchaseParties parties() {
		return new PurchaseParties(CodeSignerFixture.signer(), this.customers, this.stores);
	}

	RefundPurchase refundPurchase() {
		return refundPurchaseAt(TestClock.fixed());
	}

	RefundPurchase refundPurchaseAt(Clock clock) {
		return new RefundPurchase(this.purchases, this.ledger, this.tierReview, this.notifications, clock);
	}

	/** Records the purchase now, which must be credited, and returns its receipt. */
	PurchaseReceipt credited(RecordPurchaseCommand command) {
		return creditedAt(TestClock.fixed(), command);
	}

	/** Records the purchase at the clock's instant, which must be credited. */
	PurchaseReceipt creditedAt(Clock clock, RecordPurchaseCommand command) {
		PurchaseReceipt[] receipt = new PurchaseReceipt[1];
		recordPurchaseAt(clock).record(command)
			.as(StepVerifier::create)
			.assertNext((outcome) -> assertThat(outcome).isInstanceOfSatisfying(Credited.class,
					(credited) -> receipt[0] = credited.receipt()))
			.verifyComplete();
		return receipt[0];
	}

	/** Fails when a balance is not the sum of its ledger entries. */
	void assertLedgerAddsUp() {
		assertThat(this.ledger.mismatchesNow()).as("balances that are not the sum of their entries").isEmpty();
		this.ledger.mismatches().as(StepVerifier::create).verifyComplete();
	}

}
