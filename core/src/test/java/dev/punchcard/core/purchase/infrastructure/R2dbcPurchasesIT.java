package dev.punchcard.core.purchase.infrastructure;

import dev.punchcard.core.purchase.application.Purchases;
import dev.punchcard.core.purchase.application.PurchasesContract;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.store.domain.Store;
import dev.punchcard.core.store.domain.StoreFixture;
import dev.punchcard.core.support.Rows;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
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
