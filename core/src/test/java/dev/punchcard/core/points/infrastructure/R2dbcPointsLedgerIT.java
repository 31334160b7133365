package dev.punchcard.core.points.infrastructure;

import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.application.PointsLedgerContract;
import dev.punchcard.core.points.domain.ExpiryPolicy;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.support.Rows;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
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
		this.db = database.client();
		this.db.sql("TRUNCATE customers, points_balances, points_ledger_entries CASCADE")
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		this.ledger = new R2dbcPointsLedger(this.db, ExpiryPolicy.never());
	}

	@Override
	protected PointsLedger ledger() {
		return this.ledger;
	}

	@Override
	protected CustomerId anAccount() {
		return Rows.customerWithAccount(this.db);
	}

}
