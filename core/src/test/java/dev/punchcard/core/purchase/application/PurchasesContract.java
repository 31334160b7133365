package dev.punchcard.core.purchase.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.punchcard.core.purchase.domain.LineItem;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.purchase.domain.Refund;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Money;
import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.store.domain.Store;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Purchases} guarantees; run against {@link InMemoryPurchases}
 * ({@code InMemoryPurchasesTest}) and against PostgreSQL ({@code R2dbcPurchasesIT}).
 */
public abstract class PurchasesContract {

	private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

	protected abstract Purchases purchases();

	/** A stored customer. */
	protected abstract CustomerId aCustomer();

	/** A stored store with this name. */
	protected abstract Store aStore(String name);

	@Test
	void should_store_a_purchase_once_per_store_and_receipt_when_it_is_reported_again() {
		CustomerId customer = aCustomer();
		Store store = aStore("Main Street");
		Purchase first = purchase(customer, store, "R-1", 10_00, AT);

		purchases().insertIfAbsent(first).as(StepVerifier::create).expectNext(first).verifyComplete();
		purchases().insertIfAbsent(purchase(customer, store, "R-1", 99_00, AT))
			.as(StepVerifier::create)
			.verifyComplete();
		purchases().insertIfAbsent(purchase(customer, aStore("Elsewhere"), "R-1", 10_00, AT))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();

		purchases().countOf(customer).as(StepVerifier::create).expectNext(2L).verifyComplete();
		purchases().findByReceipt(store.id(), "R-1")
			.map(Purchase::id)
			.as(StepVerifier::create)
			.expectNext(first.id())
			.verifyComplete();
	}

	@Test
	void should_read_back_nothing_refunded_and_no_items_when_a_stored_purchase_is_found() {
		Purchase given = new Purchase(PurchaseId.random(), aCustomer(), aStore("Main Street").id(), "R-1",
				Money.of(10_00, "EUR"), 10, "BRONZE", 5_00, 5, 10, "BRONZE", null, AT,
				List.of(new LineItem("SKU-1", "Latte", null, 1, 10_00)));
		insert(given);

		purchases().findById(given.id())
			.as(StepVerifier::create)
			.expectNext(new Purchase(given.id(), given.customerId(), given.storeId(), "R-1", Money.of(10_00, "EUR"), 10,
					"BRONZE", 0, 0, 10, "BRONZE", null, AT, List.of()))
			.verifyComplete();
	}

	@Test
	void should_error_when_the_amount_is_not_positive() {
		purchases().insertIfAbsent(purchase(aCustomer(), aStore("Main Street"), "R-0", 0, AT))
			.as(StepVerifier::create)
			.expectError(DataIntegrityViolationException.class)
			.verify();
	}

	@Test
	void should_sum_amounts_minus_refunds_strictly_after_the_instant_when_net_spend_is_asked() {
		CustomerId customer = aCustomer();
		Store store = aStore("Main Street");
		insert(purchase(customer, store, "R-old", 1_000_00, AT));
		Purchase counted = insert(purchase(customer, store, "R-new", 100_00, AT.plusSeconds(1)));
		insert(purchase(aCustomer(), store, "R-other", 500_00, AT.plusSeconds(1)));
		purchases().addRefunded(counted.id(), 30_00, 0).as(StepVerifier::create).expectNext(true).verifyComplete();

		purchases().netSpendSince(customer, AT).as(StepVerifier::create).expectNext(70_00L).verifyComplete();
		purchases().netSpendSince(aCustomer(), AT).as(StepVerifier::create).expectNext(0L).verifyComplete();
	}

	@Test
	void should_add_refunds_up_to_the_amount_paid_and_refuse_beyond_when_refunds_are_added() {
		Purchase purchase = insert(purchase(aCustomer(), aStore("Main Street"), "R-1", 100_00, AT));

		purchases().addRefunded(purchase.id(), 60_00, 60).as(StepVerifier::create).expectNext(true).verifyComplete();
		purchases().addRefunded(purchase.id(), 40_01, 40).as(StepVerifier::create).expectNext(false).verifyComplete();
		purchases().addRefunded(purchase.id(), 40_00, 40).as(StepVerifier::create).expectNext(true).verifyComplete();
		purchases().addRefunded(PurchaseId.random(), 1, 0).as(StepVerifier::create).expectNext(false).verifyComplete();

		purchases().findById(purchase.id()).as(StepVerifier::create).assertNext((found) -> {
			assertThat(found.refundedMinor()).isEqualTo(100_00);
			assertThat(found.pointsReversed()).isEqualTo(100);
			assertThat(found.refundableMinor()).isZero();
		}).verifyComplete();
	}

	@Test
	void should_error_when_a_refund_would_reverse_more_points_than_the_purchase_earned() {
		Purchase purchase = insert(purchase(aCustomer(), aStore("Main Street"), "R-1", 100_00, AT));

		purchases().addRefunded(purchase.id(), 10_00, 101)
			.as(StepVerifier::create)
			.expectError(DataIntegrityViolationException.class)
			.verify();
	}

	@Test
	void should_store_a_refund_once_per_purchase_and_refund_number_when_it_is_reported_again() {
		CustomerId customer = aCustomer();
		Store store = aStore("Main Street");
		Purchase purchase = insert(purchase(customer, store, "R-1", 100_00, AT));
		Purchase other = insert(purchase(customer, store, "R-2", 100_00, AT));
		Refund first = refund(purchase, "F-1", 25_00);

		purchases().insertRefundIfAbsent(first).as(StepVerifier::create).expectNext(first).verifyComplete();
		purchases().insertRefundIfAbsent(refund(purchase, "F-1", 30_00)).as(StepVerifier::create).verifyComplete();
		purchases().insertRefundIfAbsent(refund(other, "F-1", 30_00))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();

		purchases().findRefund(purchase.id(), "F-1").as(StepVerifier::create).expectNext(first).verifyComplete();
		purchases().findRefund(purchase.id(), "F-2").as(StepVerifier::create).verifyComplete();
	}

	@Test
	void should_list_the_history_newest_first_with_store_names_when_asked_for_a_page() {
		CustomerId customer = aCustomer();
		Store main = aStore("Main Street");
		Store station = aStore("Station");
		insert(purchase(customer, main, "R-1", 1_00, AT));
		insert(purchase(customer, station, "R-2", 2_00, AT.plusSeconds(60)));
		insert(purchase(customer, main, "R-3", 3_00, AT.plusSeconds(120)));

		purchases().historyOf(customer, 0, 2)
			.map((line) -> line.storeName() + " " + line.amountMinor())
			.as(StepVerifier::create)
			.expectNext("Main Street 300", "Station 200")
			.verifyComplete();
		purchases().historyOf(customer, 1, 2)
			.map(PurchaseLine::amountMinor)
			.as(StepVerifier::create)
			.expectNext(100L)
			.verifyComplete();
	}

	@Test
	void should_store_each_receipt_once_and_emit_only_those_stored_when_many_are_inserted_at_once() {
		CustomerId customer = aCustomer();
		Store store = aStore("Main Street");
		Purchase known = insert(purchase(customer, store, "R-1", 10_00, AT));
		Purchase fresh = new Purchase(PurchaseId.random(), customer, store.id(), "R-2", Money.of(20_00, "EUR"), 0,
				"BRONZE", 0, 0, 0, "BRONZE", null, AT.plusSeconds(60),
				List.of(new LineItem("SKU-1", "Latte", "coffee", 2, 5_00),
						new LineItem("SKU-2", "Bun", null, 1, 10_00)));
		Purchase again = purchase(customer, store, "R-1", 10_00, AT);
		Purchase repeated = purchase(customer, store, "R-2", 20_00, AT);

		purchases().insertAllIfAbsent(List.of(again, fresh, repeated))
			.as(StepVerifier::create)
			.expectNext(fresh.id())
			.verifyComplete();

		purchases().countOf(customer).as(StepVerifier::create).expectNext(2L).verifyComplete();
		purchases().findById(fresh.id())
			.as(StepVerifier::create)
			.expectNext(new Purchase(fresh.id(), customer, store.id(), "R-2", Money.of(20_00, "EUR"), 0, "BRONZE", 0, 0,
					0, "BRONZE", null, AT.plusSeconds(60), List.of()))
			.verifyComplete();
		purchases()
			.findByReceipts(List.of(store.id(), store.id(), aStore("Elsewhere").id()), List.of("R-1", "R-2", "R-1"))
			.map(Purchase::id)
			.collectList()
			.as(StepVerifier::create)
			.assertNext((ids) -> assertThat(ids).containsExactlyInAnyOrder(known.id(), fresh.id()))
			.verifyComplete();
		purchases().insertAllIfAbsent(List.of()).as(StepVerifier::create).verifyComplete();
		purchases().findByReceipts(List.of(), List.of()).as(StepVerifier::create).verifyComplete();
	}

	private Purchase insert(Purchase purchase) {
		purchases().insertIfAbsent(purchase).as(StepVerifier::create).expectNext(purchase).verifyComplete();
		return purchase;
	}

	private static Purchase purchase(CustomerId customer, Store store, String receiptNo, long amountMinor, Instant at) {
		return new Purchase(PurchaseId.random(), customer, store.id(), receiptNo, Money.of(amountMinor, "EUR"),
				amountMinor / 100, "BRONZE", 0, 0, amountMinor / 100, "BRONZE", null, at, List.of());
	}

	private static Refund refund(Purchase purchase, String refundNo, long amountMinor) {
		return new Refund(UUID.randomUUID(), purchase.id(), refundNo, amountMinor, amountMinor / 100, 0, "BRONZE", null,
				AT.plusSeconds(3_600));
	}

}
