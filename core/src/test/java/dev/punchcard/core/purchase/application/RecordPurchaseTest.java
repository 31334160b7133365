package dev.punchcard.core.purchase.application;

import java.time.Duration;

import dev.punchcard.core.card.domain.CodeSignerFixture;
import dev.punchcard.core.customer.application.InMemoryCustomers.TierChange;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.notification.application.NotificationPayload.PointsCredited;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.purchase.application.PurchaseOutcome.AlreadyRecorded;
import dev.punchcard.core.purchase.application.PurchaseOutcome.Credited;
import dev.punchcard.core.purchase.application.PurchaseOutcome.CustomerBlocked;
import dev.punchcard.core.purchase.application.PurchaseOutcome.ReceiptConflict;
import dev.punchcard.core.purchase.application.PurchaseOutcome.UnknownCard;
import dev.punchcard.core.purchase.application.PurchaseOutcome.UnknownStore;
import dev.punchcard.core.purchase.application.PurchaseOutcome.WrongCurrency;
import dev.punchcard.core.purchase.domain.LineItem;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.shared.domain.Money;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.store.domain.Store;
import dev.punchcard.core.store.domain.StoreFixture;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static dev.punchcard.core.points.domain.ProgramFixture.BRONZE;
import static dev.punchcard.core.points.domain.ProgramFixture.GOLD;
import static dev.punchcard.core.points.domain.ProgramFixture.SILVER;
import static dev.punchcard.core.points.domain.ProgramFixture.WINDOW;
import static dev.punchcard.core.purchase.application.PurchaseFixture.aPurchaseBy;
import static org.assertj.core.api.Assertions.assertThat;

class RecordPurchaseTest {

	private final PurchaseDesk desk = new PurchaseDesk();

	private final RecordPurchase recordPurchase = this.desk.recordPurchase();

	private final Store store = this.desk.stores.save(StoreFixture.aStore().named("Main Street").build());

	private final Customer customer = this.desk.customers.save(CustomerFixture.aCustomer().build());

	@AfterEach
	void the_ledger_adds_up_to_every_balance() {
		this.desk.assertLedgerAddsUp();
	}

	@Test
	void should_credit_one_point_per_whole_euro_when_a_bronze_member_buys() {
		// when
		Mono<PurchaseOutcome> outcome = this.recordPurchase
			.record(aPurchaseBy(this.customer).at(this.store).receipt("R-1").amount(12_99).build());

		// then
		outcome.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).isInstanceOfSatisfying(Credited.class, (credited) -> {
				assertThat(credited.receipt().customerId()).isEqualTo(this.customer.id());
				assertThat(credited.receipt().pointsEarned()).isEqualTo(12);
				assertThat(credited.receipt().balance()).isEqualTo(12);
				assertThat(credited.receipt().tier()).isEqualTo(BRONZE);
			}))
			.verifyComplete();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(12);
	}

	@Test
	void should_write_one_earn_entry_sourced_by_the_purchase_when_points_are_credited() {
		// when
		PurchaseReceipt receipt = this.desk
			.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-7").amount(20_00).build());

		// then
		assertThat(this.desk.ledger.entriesOf(this.customer.id())).singleElement().satisfies((entry) -> {
			assertThat(entry.delta()).isEqualTo(Points.of(20));
			assertThat(entry.kind()).isEqualTo(EntryKind.EARN);
			assertThat(entry.sourceType()).isEqualTo(RecordPurchase.SOURCE_TYPE);
			assertThat(entry.sourceId()).isEqualTo(receipt.purchaseId().toString());
			assertThat(entry.reason()).isEqualTo("purchase R-7 at " + this.store.code());
			assertThat(entry.occurredAt()).isEqualTo(TestClock.NOW);
		});
	}

	@Test
	void should_multiply_the_points_when_the_member_holds_a_higher_tier() {
		// given
		Customer silver = this.desk.customers.save(CustomerFixture.aCustomer().withTier(SILVER).build());
		Customer gold = this.desk.customers.save(CustomerFixture.aCustomer().withTier(GOLD).build());

		// when
		PurchaseReceipt silverReceipt = this.desk
			.credited(aPurchaseBy(silver).at(this.store).receipt("R-1").amount(100_00).build());
		PurchaseReceipt goldReceipt = this.desk
			.credited(aPurchaseBy(gold).at(this.store).receipt("R-2").amount(33_33).build());

		// then
		assertThat(silverReceipt.pointsEarned()).as("100 EUR x 1.25").isEqualTo(125);
		assertThat(goldReceipt.pointsEarned()).as("33.33 EUR x 1.5 = 49.995, rounded down").isEqualTo(49);
	}

	@Test
	void should_store_the_purchase_with_its_items_cashier_tier_and_balance_when_it_is_credited() {
		// given
		StaffId cashier = StaffId.random();
		LineItem latte = new LineItem("SKU-1", "Latte", "drinks", 2, 3_50);

		// when
		PurchaseReceipt receipt = this.desk.credited(
				aPurchaseBy(this.customer).at(this.store).receipt("R-1").amount(7_00).item(latte).by(cashier).build());

		// then
		Purchase stored = this.desk.purchases.get(receipt.purchaseId());
		assertThat(stored.storeId()).isEqualTo(this.store.id());
		assertThat(stored.receiptNo()).isEqualTo("R-1");
		assertThat(stored.amount()).isEqualTo(Money.of(7_00, "EUR"));
		assertThat(stored.pointsEarned()).isEqualTo(7);
		assertThat(stored.tierAtPurchase()).isEqualTo(BRONZE);
		assertThat(stored.balanceAfter()).isEqualTo(7);
		assertThat(stored.tierAfter()).isEqualTo(BRONZE);
		assertThat(stored.cashierId()).isEqualTo(cashier);
		assertThat(stored.recordedAt()).isEqualTo(TestClock.NOW);
		assertThat(this.desk.purchases.itemsOf(receipt.purchaseId())).containsExactly(latte);
	}

	@Test
	void should_queue_one_points_credited_message_when_a_purchase_is_credited() {
		// when
		PurchaseReceipt receipt = this.desk
			.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-1").amount(15_00).build());

		// then
		assertThat(this.desk.notifications.queuedFor(this.customer.id())).containsExactly(
				new PointsCredited(receipt.purchaseId().toString(), "Main Street", 15_00, "EUR", 15, 15, BRONZE));
	}

	@Test
	void should_credit_on_top_of_the_balance_when_the_member_already_has_points() {
		// given
		this.desk.ledger.give(this.customer.id(), 40);

		// when
		PurchaseReceipt receipt = this.desk.credited(aPurchaseBy(this.customer).at(this.store).amount(10_00).build());

		// then
		assertThat(receipt.balance()).isEqualTo(50);
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(50);
	}

	@Test
	void should_record_the_purchase_without_a_ledger_entry_when_it_earns_no_points() {
		// when
		PurchaseReceipt receipt = this.desk
			.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-1").amount(99).build());

		// then
		assertThat(receipt.pointsEarned()).isZero();
		assertThat(receipt.balance()).isZero();
		assertThat(this.desk.purchases.purchasesOf(this.customer.id())).hasSize(1);
		assertThat(this.desk.ledger.entriesOf(this.customer.id())).isEmpty();
		assertThat(this.desk.notifications.queuedFor(this.customer.id())).singleElement()
			.isInstanceOfSatisfying(PointsCredited.class, (credited) -> assertThat(credited.points()).isZero());
	}

	@Test
	void should_answer_the_original_receipt_and_credit_nothing_when_the_receipt_is_replayed() {
		// given
		RecordPurchaseCommand command = aPurchaseBy(this.customer).at(this.store).receipt("R-42").amount(50_00).build();
		PurchaseReceipt original = this.desk.credited(command);
		this.desk.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-43").amount(5_00).build());

		// when
		Mono<PurchaseOutcome> replay = this.recordPurchase.record(command);

		// then
		replay.as(StepVerifier::create).expectNext(new AlreadyRecorded(original)).verifyComplete();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(55);
		assertThat(this.desk.ledger.entriesOf(this.customer.id())).hasSize(2);
		assertThat(this.desk.purchases.purchasesOf(this.customer.id())).hasSize(2);
		assertThat(this.desk.notifications.queuedFor(this.customer.id())).hasSize(2);
	}

	@Test
	void should_answer_a_conflict_and_change_nothing_when_the_receipt_comes_back_with_another_amount() {
		// given
		this.desk.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-7").amount(10_00).build());

		// when
		Mono<PurchaseOutcome> outcome = this.recordPurchase
			.record(aPurchaseBy(this.customer).at(this.store).receipt("R-7").amount(11_00).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new ReceiptConflict("R-7")).verifyComplete();
		assertThat(this.desk.purchases.purchasesOf(this.customer.id())).hasSize(1);
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(10);
	}

	@Test
	void should_answer_a_conflict_and_change_nothing_when_the_receipt_comes_back_with_another_customer() {
		// given
		Customer other = this.desk.customers.save(CustomerFixture.aCustomer().named("Grace Hopper").build());
		this.desk.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-7").amount(10_00).build());

		// when
		Mono<PurchaseOutcome> outcome = this.recordPurchase
			.record(aPurchaseBy(other).at(this.store).receipt("R-7").amount(10_00).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new ReceiptConflict("R-7")).verifyComplete();
		assertThat(this.desk.purchases.purchasesOf(other.id())).isEmpty();
		assertThat(this.desk.ledger.balance(other.id())).isZero();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(10);
	}

	@Test
	void should_credit_again_when_the_same_receipt_number_comes_from_another_store() {
		// given
		Store elsewhere = this.desk.stores.save(StoreFixture.aStore().build());
		this.desk.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-1").amount(10_00).build());

		// when
		Mono<PurchaseOutcome> outcome = this.recordPurchase
			.record(aPurchaseBy(this.customer).at(elsewhere).receipt("R-1").amount(10_00).build());

		// then
		outcome.as(StepVerifier::create).expectNextMatches(Credited.class::isInstance).verifyComplete();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(20);
	}

	@Test
	void should_answer_unknown_card_and_record_nothing_when_the_card_code_is_tampered() {
		// given
		String tampered = CodeSignerFixture.tampered(CodeSignerFixture.cardCode(this.customer.cardNumber()));

		// when
		Mono<PurchaseOutcome> outcome = this.recordPurchase
			.record(aPurchaseBy(this.customer).withCardCode(tampered).at(this.store).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new UnknownCard()).verifyComplete();
		assertThat(this.desk.purchases.purchasesOf(this.customer.id())).isEmpty();
	}

	@Test
	void should_answer_unknown_card_when_the_code_is_malformed_or_signed_for_a_voucher() {
		// given
		String voucherCode = CodeSignerFixture.voucherCode(this.customer.cardNumber());

		for (String code : new String[] { "not-a-card", "", voucherCode }) {
			// when
			Mono<PurchaseOutcome> outcome = this.recordPurchase
				.record(aPurchaseBy(this.customer).withCardCode(code).at(this.store).build());

			// then
			outcome.as(StepVerifier::create).expectNext(new UnknownCard()).verifyComplete();
		}
		assertThat(this.desk.purchases.purchasesOf(this.customer.id())).isEmpty();
	}

	@Test
	void should_answer_unknown_card_when_the_signed_card_number_has_no_holder() {
		// given: a genuine code whose card was replaced or never issued
		String orphan = CodeSignerFixture.cardCode(this.customer.cardNumber() + 1_000_000);

		// when
		Mono<PurchaseOutcome> outcome = this.recordPurchase
			.record(aPurchaseBy(this.customer).withCardCode(orphan).at(this.store).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new UnknownCard()).verifyComplete();
	}

	@Test
	void should_answer_unknown_store_when_no_store_has_the_code() {
		// when
		Mono<PurchaseOutcome> outcome = this.recordPurchase
			.record(aPurchaseBy(this.customer).atStoreCode("NOWHERE").build());

		// then
		outcome.as(StepVerifier::create).expectNext(new UnknownStore("NOWHERE")).verifyComplete();
		assertThat(this.desk.purchases.purchasesOf(this.customer.id())).isEmpty();
	}

	@Test
	void should_answer_unknown_store_when_the_store_is_closed() {
		// given
		Store closed = this.desk.stores.save(StoreFixture.aStore().closed().build());

		// when
		Mono<PurchaseOutcome> outcome = this.recordPurchase.record(aPurchaseBy(this.customer).at(closed).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new UnknownStore(closed.code())).verifyComplete();
		assertThat(this.desk.purchases.purchasesOf(this.customer.id())).isEmpty();
	}

	@Test
	void should_match_the_store_code_case_sensitively_when_recording() {
		// when
		Mono<PurchaseOutcome> outcome = this.recordPurchase
			.record(aPurchaseBy(this.customer).atStoreCode(this.store.code().toLowerCase()).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new UnknownStore(this.store.code().toLowerCase())).verifyComplete();
	}

	@Test
	void should_refuse_and_record_nothing_when_the_member_is_blocked() {
		// given
		Customer blocked = this.desk.customers.save(CustomerFixture.aCustomer().blocked().build());

		// when
		Mono<PurchaseOutcome> outcome = this.recordPurchase.record(aPurchaseBy(blocked).at(this.store).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new CustomerBlocked()).verifyComplete();
		assertThat(this.desk.purchases.purchasesOf(blocked.id())).isEmpty();
		assertThat(this.desk.ledger.balance(blocked.id())).isZero();
		assertThat(this.desk.notifications.queued()).isEmpty();
	}

	@Test
	void should_answer_the_original_receipt_when_a_receipt_recorded_before_a_block_is_replayed() {
		// given
		RecordPurchaseCommand command = aPurchaseBy(this.customer).at(this.store).receipt("R-1").amount(10_00).build();
		PurchaseReceipt original = this.desk.credited(command);
		this.desk.customers.block(this.customer.id());

		// when
		Mono<PurchaseOutcome> replay = this.recordPurchase.record(command);

		// then
		replay.as(StepVerifier::create).expectNext(new AlreadyRecorded(original)).verifyComplete();
	}

	@Test
	void should_refuse_and_record_nothing_when_the_amount_is_not_in_the_program_currency() {
		// when
		Mono<PurchaseOutcome> outcome = this.recordPurchase
			.record(aPurchaseBy(this.customer).at(this.store).amount(Money.of(10_00, "USD")).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new WrongCurrency("EUR")).verifyComplete();
		assertThat(this.desk.purchases.purchasesOf(this.customer.id())).isEmpty();
	}

	@Test
	void should_move_the_tier_up_and_earn_at_the_old_tier_when_the_purchase_crosses_a_threshold() {
		// when
		PurchaseReceipt big = this.desk
			.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-1").amount(600_00).build());
		PurchaseReceipt next = this.desk
			.credited(aPurchaseBy(this.desk.customers.get(this.customer.id())).at(this.store)
				.receipt("R-2")
				.amount(100_00)
				.build());

		// then
		assertThat(big.pointsEarned()).as("earned at the tier held before the purchase").isEqualTo(600);
		assertThat(big.tier()).isEqualTo(SILVER);
		assertThat(next.pointsEarned()).as("SILVER multiplies by 1.25").isEqualTo(125);
		assertThat(this.desk.customers.get(this.customer.id()).tier()).isEqualTo(SILVER);
		assertThat(this.desk.customers.tierChangesOf(this.customer.id()))
			.containsExactly(new TierChange(this.customer.id(), BRONZE, SILVER, 600_00, RecordPurchase.SOURCE_TYPE,
					big.purchaseId().toString(), TestClock.NOW));
	}

	@Test
	void should_move_the_tier_up_when_the_rolling_net_spend_reaches_the_threshold_exactly() {
		// given
		this.desk.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-1").amount(300_00).build());
		PurchaseReceipt below = this.desk
			.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-2").amount(199_99).build());

		// when
		PurchaseReceipt reached = this.desk
			.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-3").amount(1).build());

		// then
		assertThat(below.tier()).as("499.99 EUR").isEqualTo(BRONZE);
		assertThat(reached.tier()).as("500.00 EUR").isEqualTo(SILVER);
		assertThat(this.desk.customers.tierChangesOf(this.customer.id())).singleElement()
			.satisfies((change) -> assertThat(change.netSpendMinor()).isEqualTo(500_00));
	}

	@Test
	void should_not_count_spend_outside_the_rolling_window_when_reviewing_the_tier() {
		// given
		this.desk.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-1").amount(450_00).build());

		// when: one window later, the old purchase no longer counts
		PurchaseReceipt later = this.desk.creditedAt(TestClock.later(WINDOW),
				aPurchaseBy(this.customer).at(this.store).receipt("R-2").amount(100_00).build());

		// then
		assertThat(later.tier()).isEqualTo(BRONZE);
		assertThat(this.desk.customers.tierChangesOf(this.customer.id())).isEmpty();
	}

	@Test
	void should_count_spend_inside_the_rolling_window_when_reviewing_the_tier() {
		// given
		this.desk.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-1").amount(450_00).build());

		// when
		PurchaseReceipt later = this.desk.creditedAt(TestClock.later(WINDOW.minus(Duration.ofSeconds(1))),
				aPurchaseBy(this.customer).at(this.store).receipt("R-2").amount(100_00).build());

		// then
		assertThat(later.tier()).isEqualTo(SILVER);
	}

	@Test
	void should_earn_at_the_tier_reached_by_a_purchase_that_held_the_account_lock_first_when_recording_under_it() {
		// given: a purchase recorded under the lock waits for it while another one moves
		// the member to SILVER
		this.desk.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-0").amount(450_00).build());
		Sinks.Empty<Void> lockHeld = this.desk.ledger.holdNextLock(this.customer.id());
		PurchaseOutcome[] waiting = new PurchaseOutcome[1];
		this.desk.recordPurchaseUnderLock()
			.record(this.store, aPurchaseBy(this.customer).at(this.store).receipt("R-2").amount(100_00).build())
			.subscribe((outcome) -> waiting[0] = outcome);
		this.desk.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-1").amount(100_00).build());

		// when
		lockHeld.tryEmitEmpty();

		// then
		assertThat(waiting[0]).isInstanceOfSatisfying(Credited.class,
				(credited) -> assertThat(credited.receipt().pointsEarned()).as("SILVER multiplies by 1.25")
					.isEqualTo(125));
		assertThat(this.desk.customers.tierChangesOf(this.customer.id())).hasSize(1);
	}

	@Test
	void should_read_the_account_again_and_earn_at_the_new_tier_when_another_purchase_is_written_before_its_credit() {
		// given: between reading the account and writing its credit, another purchase
		// moves the member to SILVER
		this.desk.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-0").amount(450_00).build());
		this.desk.accounts.interleaveBeforeCredits(1, () -> this.desk
			.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-1").amount(100_00).build()));

		// when
		Mono<PurchaseOutcome> outcome = this.recordPurchase
			.record(aPurchaseBy(this.customer).at(this.store).receipt("R-2").amount(100_00).build());

		// then
		outcome.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).isInstanceOfSatisfying(Credited.class,
					(credited) -> assertThat(credited.receipt().pointsEarned()).as("SILVER multiplies by 1.25")
						.isEqualTo(125)))
			.verifyComplete();
		assertThat(this.desk.accounts.creditsRefused()).isEqualTo(1);
		assertThat(this.desk.customers.tierChangesOf(this.customer.id())).hasSize(1);
		assertThat(this.desk.ledger.locksTaken(this.customer.id())).isZero();
	}

	@Test
	void should_answer_the_purchase_recorded_meanwhile_when_the_same_receipt_is_written_before_its_credit() {
		// given: the till's first try of the receipt is written while its retry is
		// between
		// read and credit
		RecordPurchaseCommand command = aPurchaseBy(this.customer).at(this.store).receipt("R-1").amount(30_00).build();
		PurchaseReceipt[] first = new PurchaseReceipt[1];
		this.desk.accounts.interleaveBeforeCredits(1, () -> first[0] = this.desk.credited(command));

		// when
		Mono<PurchaseOutcome> retry = this.recordPurchase.record(command);

		// then
		retry.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).isEqualTo(new AlreadyRecorded(first[0])))
			.verifyComplete();
		assertThat(this.desk.purchases.purchasesOf(this.customer.id())).hasSize(1);
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(30);
	}

	@Test
	void should_record_under_the_account_lock_when_the_account_changes_before_every_unlocked_credit() {
		// given: something moves the balance before each of the unlocked tries
		this.desk.accounts.interleaveBeforeCredits(RecordPurchase.UNLOCKED_ATTEMPTS,
				() -> this.desk.ledger.give(this.customer.id(), 1));

		// when
		PurchaseReceipt receipt = this.desk
			.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-1").amount(20_00).build());

		// then
		assertThat(this.desk.accounts.creditsRefused()).isEqualTo(RecordPurchase.UNLOCKED_ATTEMPTS);
		assertThat(this.desk.ledger.locksTaken(this.customer.id())).isEqualTo(1);
		assertThat(receipt.pointsEarned()).isEqualTo(20);
		assertThat(receipt.balance()).isEqualTo(RecordPurchase.UNLOCKED_ATTEMPTS + 20);
		assertThat(this.desk.purchases.purchasesOf(this.customer.id())).hasSize(1);
	}

	@Test
	void should_record_without_the_account_lock_when_nothing_changes_the_account_meanwhile() {
		// when
		this.desk.credited(aPurchaseBy(this.customer).at(this.store).build());

		// then
		assertThat(this.desk.ledger.locksTaken(this.customer.id())).isZero();
		assertThat(this.desk.accounts.creditsRefused()).isZero();
		assertThat(this.desk.ledger.entriesOf(this.customer.id())).extracting(LedgerEntry::kind)
			.containsExactly(EntryKind.EARN);
		assertThat(this.desk.notifications.queuedFor(this.customer.id())).allMatch(PointsCredited.class::isInstance);
	}

}
