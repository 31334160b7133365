package dev.punchcard.core.purchase.application;

import java.util.ArrayList;
import java.util.List;

import dev.punchcard.core.customer.application.InMemoryCustomers.TierChange;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.notification.application.NotificationPayload.PointsReversed;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.purchase.application.RefundOutcome.AlreadyRefunded;
import dev.punchcard.core.purchase.application.RefundOutcome.ExceedsPurchase;
import dev.punchcard.core.purchase.application.RefundOutcome.RefundConflict;
import dev.punchcard.core.purchase.application.RefundOutcome.Refunded;
import dev.punchcard.core.purchase.application.RefundOutcome.UnknownPurchase;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.store.domain.Store;
import dev.punchcard.core.store.domain.StoreFixture;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static dev.punchcard.core.points.domain.ProgramFixture.BRONZE;
import static dev.punchcard.core.points.domain.ProgramFixture.SILVER;
import static dev.punchcard.core.purchase.application.PurchaseFixture.aPurchaseBy;
import static dev.punchcard.core.purchase.application.PurchaseFixture.aRefundOf;
import static org.assertj.core.api.Assertions.assertThat;

class RefundPurchaseTest {

	private final PurchaseDesk desk = new PurchaseDesk();

	private final RefundPurchase refundPurchase = this.desk.refundPurchase();

	private final Store store = this.desk.stores.save(StoreFixture.aStore().build());

	private final Customer customer = this.desk.customers.save(CustomerFixture.aCustomer().build());

	@AfterEach
	void the_ledger_adds_up_to_every_balance() {
		this.desk.assertLedgerAddsUp();
	}

	@Test
	void should_take_back_points_in_proportion_when_part_of_a_purchase_is_refunded() {
		// given
		PurchaseId purchase = purchaseOf(100_00);

		// when
		Mono<RefundOutcome> outcome = this.refundPurchase
			.refund(aRefundOf(purchase).number("F-1").amount(25_00).build());

		// then
		outcome.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).isInstanceOfSatisfying(Refunded.class, (refunded) -> {
				assertThat(refunded.receipt().purchaseId()).isEqualTo(purchase);
				assertThat(refunded.receipt().amountMinor()).isEqualTo(25_00);
				assertThat(refunded.receipt().pointsReversed()).isEqualTo(25);
				assertThat(refunded.receipt().balance()).isEqualTo(75);
				assertThat(refunded.receipt().tier()).isEqualTo(BRONZE);
			}))
			.verifyComplete();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(75);
		Purchase stored = this.desk.purchases.get(purchase);
		assertThat(stored.refundedMinor()).isEqualTo(25_00);
		assertThat(stored.pointsReversed()).isEqualTo(25);
	}

	@Test
	void should_write_one_reversal_entry_the_refund_and_a_message_when_points_are_taken_back() {
		// given
		PurchaseId purchase = purchaseOf(40_00);
		StaffId cashier = StaffId.random();

		// when
		RefundReceipt receipt = refunded(aRefundOf(purchase).number("F-9").amount(10_00).by(cashier).build());

		// then
		assertThat(this.desk.ledger.entriesOf(this.customer.id(), EntryKind.REVERSAL)).singleElement()
			.satisfies((entry) -> {
				assertThat(entry.delta()).isEqualTo(Points.of(-10));
				assertThat(entry.sourceType()).isEqualTo(RefundPurchase.SOURCE_TYPE);
				assertThat(entry.sourceId()).isEqualTo(receipt.refundId().toString());
				assertThat(entry.occurredAt()).isEqualTo(TestClock.NOW);
			});
		assertThat(this.desk.purchases.refundsOf(purchase)).singleElement().satisfies((refund) -> {
			assertThat(refund.id()).isEqualTo(receipt.refundId());
			assertThat(refund.refundNo()).isEqualTo("F-9");
			assertThat(refund.cashierId()).isEqualTo(cashier);
			assertThat(refund.balanceAfter()).isEqualTo(30);
		});
		assertThat(this.desk.notifications.queuedFor(this.customer.id())).contains(
				new PointsReversed(receipt.refundId().toString(), purchase.toString(), 10_00, "EUR", 10, 30, BRONZE));
	}

	@Test
	void should_round_over_all_refunds_when_partial_refunds_add_up_to_the_whole_purchase() {
		// given: 37 points earned; each third alone would round down to 12
		PurchaseId purchase = purchaseOf(37_00);
		List<Long> reversed = new ArrayList<>();

		// when
		for (long part : new long[] { 12_33, 12_33, 12_34 }) {
			reversed.add(refunded(aRefundOf(purchase).number("F-" + part + reversed.size()).amount(part).build())
				.pointsReversed());
		}

		// then
		assertThat(reversed).containsExactly(12L, 12L, 13L);
		assertThat(this.desk.purchases.get(purchase).pointsReversed()).isEqualTo(37);
		assertThat(this.desk.ledger.balance(this.customer.id())).isZero();
	}

	@Test
	void should_reverse_exactly_what_the_purchase_earned_when_it_is_refunded_in_full() {
		// given: SILVER earned 125 points on 100 EUR
		Customer silver = this.desk.customers.save(CustomerFixture.aCustomer().withTier(SILVER).build());
		PurchaseId purchase = this.desk
			.credited(aPurchaseBy(silver).at(this.store).receipt("R-S").amount(100_00).build())
			.purchaseId();
		this.desk.ledger.give(silver.id(), 1_000);

		// when
		RefundReceipt receipt = refunded(aRefundOf(purchase).amount(100_00).build());

		// then
		assertThat(receipt.pointsReversed()).isEqualTo(125);
		assertThat(this.desk.ledger.balance(silver.id())).isEqualTo(1_000);
	}

	@Test
	void should_never_reverse_more_than_the_purchase_earned_when_the_balance_is_larger() {
		// given
		PurchaseId purchase = purchaseOf(10_00);
		this.desk.ledger.give(this.customer.id(), 500);

		// when
		RefundReceipt first = refunded(aRefundOf(purchase).number("F-1").amount(9_99).build());
		RefundReceipt last = refunded(aRefundOf(purchase).number("F-2").amount(1).build());

		// then
		assertThat(first.pointsReversed() + last.pointsReversed()).isEqualTo(10);
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(500);
	}

	@Test
	void should_cap_the_reversal_at_the_balance_when_the_points_were_already_spent() {
		// given
		PurchaseId purchase = purchaseOf(100_00);
		this.desk.ledger.spend(this.customer.id(), 80);

		// when
		RefundReceipt receipt = refunded(aRefundOf(purchase).amount(100_00).build());

		// then
		assertThat(receipt.pointsReversed()).isEqualTo(20);
		assertThat(receipt.balance()).isZero();
		assertThat(this.desk.ledger.balance(this.customer.id())).isZero();
		assertThat(this.desk.purchases.get(purchase).pointsReversed()).as("what was actually taken back").isEqualTo(20);
	}

	@Test
	void should_write_no_reversal_entry_when_the_balance_is_already_zero() {
		// given
		PurchaseId purchase = purchaseOf(50_00);
		this.desk.ledger.spend(this.customer.id(), 50);

		// when
		RefundReceipt receipt = refunded(aRefundOf(purchase).amount(50_00).build());

		// then
		assertThat(receipt.pointsReversed()).isZero();
		assertThat(this.desk.ledger.entriesOf(this.customer.id(), EntryKind.REVERSAL)).isEmpty();
		assertThat(this.desk.purchases.refundsOf(purchase)).hasSize(1);
	}

	@Test
	void should_take_back_on_a_later_refund_what_an_earlier_capped_refund_could_not() {
		// given: half refunded while only 20 of its 50 points were left
		PurchaseId purchase = purchaseOf(100_00);
		this.desk.ledger.spend(this.customer.id(), 80);
		RefundReceipt capped = refunded(aRefundOf(purchase).number("F-1").amount(50_00).build());
		this.desk.ledger.give(this.customer.id(), 200);

		// when
		RefundReceipt rest = refunded(aRefundOf(purchase).number("F-2").amount(50_00).build());

		// then: the reversals add up to what the purchase earned, never more
		assertThat(capped.pointsReversed()).isEqualTo(20);
		assertThat(rest.pointsReversed()).isEqualTo(80);
		assertThat(this.desk.purchases.get(purchase).pointsReversed()).isEqualTo(100);
	}

	@Test
	void should_answer_the_original_refund_and_reverse_nothing_when_the_refund_number_is_replayed() {
		// given
		PurchaseId purchase = purchaseOf(100_00);
		RefundPurchaseCommand command = aRefundOf(purchase).number("F-1").amount(25_00).build();
		RefundReceipt original = refunded(command);
		refunded(aRefundOf(purchase).number("F-2").amount(25_00).build());

		// when
		Mono<RefundOutcome> replay = this.refundPurchase.refund(command);

		// then
		replay.as(StepVerifier::create).expectNext(new AlreadyRefunded(original)).verifyComplete();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(50);
		assertThat(this.desk.purchases.get(purchase).refundedMinor()).isEqualTo(50_00);
		assertThat(this.desk.purchases.refundsOf(purchase)).hasSize(2);
	}

	@Test
	void should_answer_a_conflict_and_change_nothing_when_the_refund_number_comes_back_with_another_amount() {
		// given
		PurchaseId purchase = purchaseOf(100_00);
		refunded(aRefundOf(purchase).number("F-1").amount(25_00).build());

		// when
		Mono<RefundOutcome> outcome = this.refundPurchase
			.refund(aRefundOf(purchase).number("F-1").amount(30_00).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new RefundConflict("F-1")).verifyComplete();
		assertThat(this.desk.purchases.get(purchase).refundedMinor()).isEqualTo(25_00);
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(75);
	}

	@Test
	void should_accept_the_same_refund_number_when_it_refunds_another_purchase() {
		// given
		PurchaseId first = purchaseOf(10_00);
		PurchaseId second = this.desk
			.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-2").amount(10_00).build())
			.purchaseId();
		refunded(aRefundOf(first).number("F-1").amount(10_00).build());

		// when
		Mono<RefundOutcome> outcome = this.refundPurchase.refund(aRefundOf(second).number("F-1").amount(10_00).build());

		// then
		outcome.as(StepVerifier::create).expectNextMatches(Refunded.class::isInstance).verifyComplete();
		assertThat(this.desk.ledger.balance(this.customer.id())).isZero();
	}

	@Test
	void should_refuse_and_change_nothing_when_the_refund_is_larger_than_what_was_paid() {
		// given
		PurchaseId purchase = purchaseOf(100_00);

		// when
		Mono<RefundOutcome> outcome = this.refundPurchase.refund(aRefundOf(purchase).amount(100_01).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new ExceedsPurchase(100_00)).verifyComplete();
		assertThat(this.desk.purchases.refundsOf(purchase)).isEmpty();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(100);
	}

	@Test
	void should_refuse_and_change_nothing_when_the_refund_is_larger_than_what_is_left_to_refund() {
		// given
		PurchaseId purchase = purchaseOf(100_00);
		refunded(aRefundOf(purchase).number("F-1").amount(75_00).build());

		// when
		Mono<RefundOutcome> outcome = this.refundPurchase
			.refund(aRefundOf(purchase).number("F-2").amount(25_01).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new ExceedsPurchase(25_00)).verifyComplete();
		assertThat(this.desk.purchases.get(purchase).refundedMinor()).isEqualTo(75_00);
		assertThat(this.desk.purchases.refundsOf(purchase)).hasSize(1);
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(25);
	}

	@Test
	void should_refuse_any_further_refund_when_the_purchase_was_refunded_in_full() {
		// given
		PurchaseId purchase = purchaseOf(100_00);
		refunded(aRefundOf(purchase).number("F-1").amount(100_00).build());

		// when
		Mono<RefundOutcome> outcome = this.refundPurchase.refund(aRefundOf(purchase).number("F-2").amount(1).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new ExceedsPurchase(0)).verifyComplete();
	}

	@Test
	void should_answer_unknown_purchase_when_no_purchase_has_the_id() {
		// when
		Mono<RefundOutcome> outcome = this.refundPurchase.refund(aRefundOf(PurchaseId.random()).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new UnknownPurchase()).verifyComplete();
	}

	@Test
	void should_move_the_tier_down_when_a_refund_takes_the_net_spend_below_the_threshold() {
		// given
		PurchaseId big = purchaseOf(600_00);
		assertThat(this.desk.customers.get(this.customer.id()).tier()).isEqualTo(SILVER);

		// when
		RefundReceipt receipt = refunded(aRefundOf(big).number("F-1").amount(300_00).build());

		// then
		assertThat(receipt.tier()).as("net spend 300 EUR is below SILVER").isEqualTo(BRONZE);
		assertThat(this.desk.customers.get(this.customer.id()).tier()).isEqualTo(BRONZE);
		assertThat(this.desk.customers.tierChangesOf(this.customer.id())).last()
			.isEqualTo(new TierChange(this.customer.id(), SILVER, BRONZE, 300_00, RefundPurchase.SOURCE_TYPE,
					big + "/F-1", TestClock.NOW));
	}

	@Test
	void should_keep_the_tier_when_the_net_spend_stays_above_the_threshold_after_a_refund() {
		// given
		PurchaseId big = purchaseOf(600_00);

		// when
		RefundReceipt receipt = refunded(aRefundOf(big).number("F-1").amount(100_00).build());

		// then
		assertThat(receipt.tier()).isEqualTo(SILVER);
		assertThat(this.desk.customers.tierChangesOf(this.customer.id())).hasSize(1);
	}

	@Test
	void should_take_the_account_lock_of_the_buyer_when_refunding() {
		// given
		PurchaseId purchase = purchaseOf(10_00);
		int before = this.desk.ledger.locksTaken(this.customer.id());

		// when
		refunded(aRefundOf(purchase).amount(5_00).build());

		// then
		assertThat(this.desk.ledger.locksTaken(this.customer.id())).isEqualTo(before + 1);
	}

	private PurchaseId purchaseOf(long euroCents) {
		return this.desk
			.credited(aPurchaseBy(this.desk.customers.get(this.customer.id())).at(this.store)
				.receipt("R-" + euroCents)
				.amount(euroCents)
				.build())
			.purchaseId();
	}

	private RefundReceipt refunded(RefundPurchaseCommand command) {
		RefundReceipt[] receipt = new RefundReceipt[1];
		this.refundPurchase.refund(command)
			.as(StepVerifier::create)
			.assertNext((outcome) -> assertThat(outcome).isInstanceOfSatisfying(Refunded.class,
					(refunded) -> receipt[0] = refunded.receipt()))
			.verifyComplete();
		return receipt[0];
	}

}
