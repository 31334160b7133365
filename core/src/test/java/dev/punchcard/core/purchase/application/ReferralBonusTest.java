package dev.punchcard.core.purchase.application;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.notification.application.NotificationPayload.ReferralBonusPaid;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.store.domain.Store;
import dev.punchcard.core.store.domain.StoreFixture;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static dev.punchcard.core.purchase.application.PurchaseFixture.aPurchaseBy;
import static org.assertj.core.api.Assertions.assertThat;

class ReferralBonusTest {

	private final PurchaseDesk desk = new PurchaseDesk();

	private final Store store = this.desk.stores.save(StoreFixture.aStore().build());

	private final Customer referrer = this.desk.customers.save(CustomerFixture.aCustomer().named("Referrer").build());

	private final Customer referee = this.desk.customers
		.save(CustomerFixture.aCustomer().named("Referee").referredBy(this.referrer).build());

	@AfterEach
	void the_ledger_adds_up_to_every_balance() {
		this.desk.assertLedgerAddsUp();
	}

	@Test
	void should_pay_both_sides_when_a_referred_member_makes_their_first_purchase() {
		// when
		this.desk.credited(aPurchaseBy(this.referee).at(this.store).receipt("R-1").amount(10_00).build());

		// then
		assertThat(this.desk.ledger.balance(this.referee.id())).isEqualTo(10 + 50);
		assertThat(this.desk.ledger.balance(this.referrer.id())).isEqualTo(50);
		assertThat(this.desk.ledger.entriesOf(this.referee.id(), EntryKind.BONUS)).singleElement()
			.satisfies((entry) -> {
				assertThat(entry.delta()).isEqualTo(PurchaseDesk.REFERRAL_BONUS);
				assertThat(entry.sourceType()).isEqualTo(ReferralBonus.REFEREE);
				assertThat(entry.sourceId()).isEqualTo(this.referee.id().toString());
				assertThat(entry.occurredAt()).isEqualTo(TestClock.NOW);
			});
		assertThat(this.desk.ledger.entriesOf(this.referrer.id())).singleElement().satisfies((entry) -> {
			assertThat(entry.kind()).isEqualTo(EntryKind.BONUS);
			assertThat(entry.sourceType()).isEqualTo(ReferralBonus.REFERRER);
			assertThat(entry.sourceId()).isEqualTo(this.referee.id().toString());
		});
		assertThat(this.desk.customers.referralRewardedAt(this.referee.id())).isEqualTo(TestClock.NOW);
	}

	@Test
	void should_tell_both_sides_their_new_balance_when_the_bonus_is_paid() {
		// when
		this.desk.credited(aPurchaseBy(this.referee).at(this.store).receipt("R-1").amount(10_00).build());

		// then
		assertThat(this.desk.notifications.queuedFor(this.referee.id())).contains(new ReferralBonusPaid(50, 60));
		assertThat(this.desk.notifications.queuedFor(this.referrer.id()))
			.containsExactly(new ReferralBonusPaid(50, 50));
	}

	@Test
	void should_answer_the_balance_before_the_bonus_on_the_receipt_when_the_first_purchase_pays_it() {
		// when
		PurchaseReceipt receipt = this.desk
			.credited(aPurchaseBy(this.referee).at(this.store).receipt("R-1").amount(10_00).build());

		// then: the receipt is the purchase's own result; the bonus follows it
		assertThat(receipt.balance()).isEqualTo(10);
		assertThat(this.desk.ledger.balance(this.referee.id())).isEqualTo(60);
	}

	@Test
	void should_pay_once_when_the_referred_member_buys_again() {
		// given
		this.desk.credited(aPurchaseBy(this.referee).at(this.store).receipt("R-1").amount(10_00).build());

		// when
		this.desk.credited(aPurchaseBy(this.referee).at(this.store).receipt("R-2").amount(10_00).build());

		// then
		assertThat(this.desk.ledger.entriesOf(this.referee.id(), EntryKind.BONUS)).hasSize(1);
		assertThat(this.desk.ledger.balance(this.referee.id())).isEqualTo(10 + 50 + 10);
		assertThat(this.desk.ledger.balance(this.referrer.id())).isEqualTo(50);
	}

	@Test
	void should_pay_nothing_more_when_the_first_receipt_is_replayed() {
		// given
		RecordPurchaseCommand first = aPurchaseBy(this.referee).at(this.store).receipt("R-1").amount(10_00).build();
		this.desk.credited(first);

		// when
		Mono<PurchaseOutcome> replay = this.desk.recordPurchase().record(first);

		// then
		replay.as(StepVerifier::create).expectNextCount(1).verifyComplete();
		assertThat(this.desk.ledger.balance(this.referee.id())).isEqualTo(60);
		assertThat(this.desk.ledger.balance(this.referrer.id())).isEqualTo(50);
	}

	@Test
	void should_pay_nothing_when_the_member_was_not_referred() {
		// when
		this.desk.credited(aPurchaseBy(this.referrer).at(this.store).receipt("R-1").amount(10_00).build());

		// then
		assertThat(this.desk.ledger.entriesOf(this.referrer.id())).extracting(LedgerEntry::kind)
			.containsExactly(EntryKind.EARN);
		assertThat(this.desk.customers.referralRewardedAt(this.referrer.id())).isNull();
	}

	@Test
	void should_pay_the_bonus_when_the_first_purchase_earns_no_points() {
		// when
		this.desk.credited(aPurchaseBy(this.referee).at(this.store).receipt("R-1").amount(50).build());

		// then
		assertThat(this.desk.ledger.balance(this.referee.id())).isEqualTo(50);
		assertThat(this.desk.ledger.balance(this.referrer.id())).isEqualTo(50);
	}

	@Test
	void should_pay_nothing_and_leave_the_referral_unmarked_when_the_bonus_is_zero() {
		// given
		ReferralBonus noBonus = new ReferralBonus(this.desk.customers, this.desk.ledger, this.desk.notifications,
				Points.ZERO);

		// when
		Mono<Void> paid = noBonus.payIfDue(this.referee, TestClock.NOW);

		// then
		paid.as(StepVerifier::create).verifyComplete();
		assertThat(this.desk.ledger.entriesOf(this.referee.id())).isEmpty();
		assertThat(this.desk.customers.referralRewardedAt(this.referee.id())).isNull();
	}

	@Test
	void should_lock_the_referrer_s_account_before_crediting_it_when_the_bonus_is_paid() {
		// when
		this.desk.credited(aPurchaseBy(this.referee).at(this.store).receipt("R-1").amount(10_00).build());

		// then
		assertThat(this.desk.ledger.locksTaken(this.referrer.id())).isEqualTo(1);
	}

	@Test
	void should_pay_only_the_referred_member_when_the_referrer_is_blocked() {
		// given
		Customer blockedReferrer = this.desk.customers.save(CustomerFixture.aCustomer().blocked().build());
		Customer referred = this.desk.customers.save(CustomerFixture.aCustomer().referredBy(blockedReferrer).build());

		// when
		this.desk.credited(aPurchaseBy(referred).at(this.store).receipt("R-1").amount(10_00).build());

		// then
		assertThat(this.desk.ledger.balance(referred.id())).isEqualTo(60);
		assertThat(this.desk.ledger.balance(blockedReferrer.id())).isZero();
	}

}
