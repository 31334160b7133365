package dev.punchcard.core.purchase.application;

import java.time.Instant;
import java.util.List;

import dev.punchcard.core.card.domain.CodeSignerFixture;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.purchase.application.PurchaseOutcome.AlreadyRecorded;
import dev.punchcard.core.purchase.application.PurchaseOutcome.Credited;
import dev.punchcard.core.purchase.application.PurchaseOutcome.CustomerBlocked;
import dev.punchcard.core.purchase.application.PurchaseOutcome.ReceiptConflict;
import dev.punchcard.core.purchase.application.PurchaseOutcome.UnknownCard;
import dev.punchcard.core.purchase.application.PurchaseOutcome.UnknownStore;
import dev.punchcard.core.purchase.application.PurchaseOutcome.WrongCurrency;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.shared.domain.Money;
import dev.punchcard.core.store.domain.Store;
import dev.punchcard.core.store.domain.StoreFixture;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static dev.punchcard.core.purchase.application.PurchaseFixture.aPurchaseBy;
import static org.assertj.core.api.Assertions.assertThat;

class RecordHistoricalPurchaseTest {

	private static final Instant LONG_AGO = Instant.parse("2020-01-02T03:04:05Z");

	private final PurchaseDesk desk = new PurchaseDesk();

	private final RecordHistoricalPurchase recordHistorical = this.desk.recordHistoricalPurchase();

	private final Store store = this.desk.stores.save(StoreFixture.aStore().build());

	private final Customer customer = this.desk.customers.save(CustomerFixture.aCustomer().build());

	@Test
	void should_record_the_purchase_at_its_time_without_points_entries_or_notifications_when_historical() {
		this.recordHistorical
			.record(aPurchaseBy(this.customer).at(this.store).receipt("H-1").amount(99_00).boughtAt(LONG_AGO).build())
			.as(StepVerifier::create)
			.assertNext((outcome) -> assertThat(outcome).isInstanceOfSatisfying(Credited.class,
					(credited) -> assertThat(credited.receipt().pointsEarned()).isZero()))
			.verifyComplete();

		Purchase stored = this.desk.purchases.findByReceipt(this.store.id(), "H-1").block();
		assertThat(stored.recordedAt()).isEqualTo(LONG_AGO);
		assertThat(stored.pointsEarned()).isZero();
		assertThat(stored.tierAfter()).isEqualTo(this.customer.tier());
		assertThat(this.desk.ledger.entriesOf(this.customer.id())).isEmpty();
		assertThat(this.desk.notifications.queued()).isEmpty();
		this.desk.assertLedgerAddsUp();
	}

	@Test
	void should_answer_already_recorded_when_the_receipt_was_recorded_live_before() {
		PurchaseReceipt live = this.desk.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-9").build());

		this.recordHistorical
			.record(aPurchaseBy(this.customer).at(this.store).receipt("R-9").boughtAt(LONG_AGO).build())
			.as(StepVerifier::create)
			.expectNext(new AlreadyRecorded(live))
			.verifyComplete();
		assertThat(this.desk.ledger.entriesOf(this.customer.id())).hasSize(1);
	}

	@Test
	void should_answer_a_conflict_when_the_receipt_was_recorded_with_another_amount() {
		this.desk.credited(aPurchaseBy(this.customer).at(this.store).receipt("R-9").amount(10_00).build());

		this.recordHistorical
			.record(aPurchaseBy(this.customer).at(this.store).receipt("R-9").amount(11_00).boughtAt(LONG_AGO).build())
			.as(StepVerifier::create)
			.expectNext(new ReceiptConflict("R-9"))
			.verifyComplete();
	}

	@Test
	void should_answer_unknown_store_when_no_active_store_has_the_code() {
		this.recordHistorical.record(aPurchaseBy(this.customer).atStoreCode("NOPE").boughtAt(LONG_AGO).build())
			.as(StepVerifier::create)
			.expectNext(new UnknownStore("NOPE"))
			.verifyComplete();
	}

	@Test
	void should_record_a_live_path_purchase_at_the_time_the_import_gives() {
		PurchaseReceipt receipt = this.desk.credited(
				aPurchaseBy(this.customer).at(this.store).receipt("I-1").amount(12_00).boughtAt(LONG_AGO).build());

		Purchase stored = this.desk.purchases.findById(receipt.purchaseId()).block();
		assertThat(stored.recordedAt()).isEqualTo(LONG_AGO);
		assertThat(stored.pointsEarned()).isEqualTo(12);
		assertThat(this.desk.ledger.entriesOf(this.customer.id())).singleElement()
			.satisfies((entry) -> assertThat(entry.occurredAt()).isEqualTo(LONG_AGO));
	}

	@Test
	void should_answer_each_command_as_one_by_one_would_when_a_chunk_is_recorded_at_once() {
		Customer blocked = this.desk.customers.save(CustomerFixture.aCustomer().blocked().build());
		PurchaseReceipt live = this.desk.credited(aPurchaseBy(this.customer).at(this.store).receipt("L-1").build());
		this.desk.credited(aPurchaseBy(this.customer).at(this.store).receipt("L-2").amount(10_00).build());
		String orphan = CodeSignerFixture.cardCode(this.customer.cardNumber() + 1_000_000);
		List<RecordPurchaseCommand> commands = List.of(
				aPurchaseBy(this.customer).at(this.store).receipt("H-1").amount(30_00).boughtAt(LONG_AGO).build(),
				aPurchaseBy(this.customer).atStoreCode("NOPE").receipt("H-2").boughtAt(LONG_AGO).build(),
				aPurchaseBy(this.customer).withCardCode(orphan)
					.at(this.store)
					.receipt("H-3")
					.boughtAt(LONG_AGO)
					.build(),
				aPurchaseBy(this.customer).withCardCode("not-a-code").at(this.store).receipt("H-4").build(),
				aPurchaseBy(this.customer).at(this.store).receipt("H-5").amount(Money.of(5_00, "USD")).build(),
				aPurchaseBy(blocked).at(this.store).receipt("H-6").boughtAt(LONG_AGO).build(),
				aPurchaseBy(this.customer).at(this.store).receipt("L-1").boughtAt(LONG_AGO).build(),
				aPurchaseBy(this.customer).at(this.store).receipt("L-2").amount(11_00).boughtAt(LONG_AGO).build(),
				aPurchaseBy(this.customer).at(this.store).receipt("H-1").amount(30_00).boughtAt(LONG_AGO).build());
		long entriesBefore = this.desk.ledger.entriesOf(this.customer.id()).size();

		List<PurchaseOutcome> outcomes = this.recordHistorical.recordAll(commands).block();

		assertThat(outcomes).hasSize(commands.size());
		assertThat(outcomes.get(0)).isInstanceOfSatisfying(Credited.class,
				(credited) -> assertThat(credited.receipt().pointsEarned()).isZero());
		PurchaseReceipt h1 = ((Credited) outcomes.get(0)).receipt();
		assertThat(outcomes.subList(1, commands.size())).containsExactly(new UnknownStore("NOPE"), new UnknownCard(),
				new UnknownCard(), new WrongCurrency("EUR"), new CustomerBlocked(), new AlreadyRecorded(live),
				new ReceiptConflict("L-2"), new AlreadyRecorded(h1));
		Purchase stored = this.desk.purchases.findByReceipt(this.store.id(), "H-1").block();
		assertThat(stored.recordedAt()).isEqualTo(LONG_AGO);
		assertThat(stored.tierAfter()).isEqualTo(this.customer.tier());
		assertThat(this.desk.purchases.purchasesOf(this.customer.id())).hasSize(3);
		assertThat(this.desk.purchases.purchasesOf(blocked.id())).isEmpty();
		assertThat(this.desk.ledger.entriesOf(this.customer.id())).hasSize((int) entriesBefore);
		this.desk.assertLedgerAddsUp();

		// and each of them alone answers the same
		for (int i = 1; i < commands.size(); i++) {
			assertThat(this.recordHistorical.record(commands.get(i)).block()).as("command %d alone", i)
				.isEqualTo((i == commands.size() - 1) ? new AlreadyRecorded(h1) : outcomes.get(i));
		}
		assertThat(this.recordHistorical.recordAll(List.of()).block()).isEmpty();
	}

}
