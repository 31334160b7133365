package dev.punchcard.core.purchase.infrastructure;

import java.time.Instant;
import java.util.List;

import dev.punchcard.core.purchase.application.Purchases;
import dev.punchcard.core.purchase.application.PurchasesContract;
import dev.punchcard.core.purchase.domain.LineItem;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Money;
import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.store.domain.Store;
import dev.punchcard.core.store.domain.StoreFixture;
import dev.punchcard.core.support.Rows;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/** The purchases contract, kept by the R2DBC adapter on PostgreSQL. */
@TestMethodOrder(MethodOrderer.Random.class)
class R2dbcPurchasesIT extends PurchasesContract {

	private DatabaseClient db;

	private R2dbcPurchases purchases;

	@BeforeEach
	void emptyTables() {
		TestDatabase database = TestDatabases.forModule("core");
		this.db = database.client();
		this.db.sql("TRUNCATE refunds, purchase_items, purchases, customers, stores CASCADE")
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		this.purchases = new R2dbcPurchases(this.db);
	}

	@Test
	void should_store_the_items_of_those_inserted_only_when_many_are_inserted_at_once() {
		CustomerId customer = aCustomer();
		Store store = aStore("Main Street");
		Instant at = Instant.parse("2019-05-06T07:08:09.123456Z");
		Purchase first = withItems(customer, store, "H-1", at, new LineItem("SKU-1", "Latte", "coffee", 2, 5_00));
		Purchase clash = withItems(customer, store, "H-1", at, new LineItem("SKU-9", "Other", null, 1, 10_00));
		this.purchases.insertAllIfAbsent(List.of(first, clash))
			.as(StepVerifier::create)
			.expectNext(first.id())
			.verifyComplete();

		this.db
			.sql("SELECT string_agg(sku || ':' || line_no || ':' || COALESCE(category, '-'), ',') AS items, "
					+ "count(DISTINCT purchase_id) AS purchases FROM purchase_items")
			.map((row) -> row.get("items", String.class) + "/" + row.get("purchases", Long.class))
			.one()
			.as(StepVerifier::create)
			.expectNext("SKU-1:1:coffee/1")
			.verifyComplete();
		this.purchases.findById(first.id())
			.map(Purchase::recordedAt)
			.as(StepVerifier::create)
			.expectNext(at)
			.verifyComplete();
	}

	private static Purchase withItems(CustomerId customer, Store store, String receiptNo, Instant at, LineItem item) {
		return new Purchase(PurchaseId.random(), customer, store.id(), receiptNo, Money.of(10_00, "EUR"), 0, "BRONZE",
				0, 0, 0, "BRONZE", null, at, List.of(item));
	}

	@Override
	protected Purchases purchases() {
		return this.purchases;
	}

	@Override
	protected CustomerId aCustomer() {
		return Rows.customer(this.db);
	}

	@Override
	protected Store aStore(String name) {
		Store store = StoreFixture.aStore().named(name).build();
		this.db.sql("INSERT INTO stores (id, code, name, active) VALUES (:id, :code, :name, true)")
			.bind("id", store.id().value())
			.bind("code", store.code())
			.bind("name", store.name())
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		return store;
	}

}
