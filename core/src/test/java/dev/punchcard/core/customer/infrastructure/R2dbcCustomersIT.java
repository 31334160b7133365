package dev.punchcard.core.customer.infrastructure;

import dev.punchcard.core.customer.application.Customers;
import dev.punchcard.core.customer.application.CustomersContract;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/** The customers contract, kept by the R2DBC adapter on PostgreSQL. */
@TestMethodOrder(MethodOrderer.Random.class)
class R2dbcCustomersIT extends CustomersContract {

	private DatabaseClient db;

	private R2dbcCustomers customers;

	@BeforeEach
	void emptyTables() {
		TestDatabase database = TestDatabases.forModule("core");
		this.db = database.client();
		this.db.sql("TRUNCATE customers, points_balances, tier_changes CASCADE")
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		this.customers = new R2dbcCustomers(this.db);
	}

	@Override
	protected Customers customers() {
		return this.customers;
	}

	@Override
	protected Long balanceOf(CustomerId id) {
		return this.db.sql("SELECT balance FROM points_balances WHERE customer_id = :id")
			.bind("id", id.value())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

}
