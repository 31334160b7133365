package dev.punchcard.core.points.infrastructure;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.application.PointsLedgerContract;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/** The ledger contract, kept by the R2DBC adapter on PostgreSQL. */
@TestMethodOrder(MethodOrderer.Random.class)
class R2dbcPointsLedgerIT extends PointsLedgerContract {

	private DatabaseClient db;

	private R2dbcPointsLedger ledger;

	@BeforeEach
	void emptyTables() {
		TestDatabase database = TestDatabases.forModule("core");
		this.db = DatabaseClient.create(ConnectionFactories
			.get(database.r2dbcUrl().replace("r2dbc:postgresql://", "r2dbc:postgresql://" + database.user() + "@")));
		this.db.sql("TRUNCATE customers, points_balances, points_ledger_entries CASCADE")
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		this.ledger = new R2dbcPointsLedger(this.db);
	}

	@Override
	protected PointsLedger ledger() {
		return this.ledger;
	}

	@Override
	protected CustomerId anAccount() {
		CustomerId customer = CustomerId.random();
		this.db.sql("""
				WITH inserted AS (
				    INSERT INTO customers (id, name, referral_code, card_number, created_at)
				    VALUES (:id, 'Contract', :code, :card, :at) RETURNING id
				)
				INSERT INTO points_balances (customer_id, balance) SELECT id, 0 FROM inserted
				""")
			.bind("id", customer.value())
			.bind("code", "C-" + customer)
			.bind("card", customer.value().getMostSignificantBits() & Long.MAX_VALUE)
			.bind("at", OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		return customer;
	}

}
