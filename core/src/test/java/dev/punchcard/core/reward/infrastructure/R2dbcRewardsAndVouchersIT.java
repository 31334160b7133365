package dev.punchcard.core.reward.infrastructure;

import dev.punchcard.core.reward.application.Rewards;
import dev.punchcard.core.reward.application.RewardsAndVouchersContract;
import dev.punchcard.core.reward.application.Vouchers;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.support.Rows;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/** The rewards and vouchers contract, kept by the R2DBC adapters on PostgreSQL. */
@TestMethodOrder(MethodOrderer.Random.class)
class R2dbcRewardsAndVouchersIT extends RewardsAndVouchersContract {

	private DatabaseClient db;

	private R2dbcRewards rewards;

	private R2dbcVouchers vouchers;

	@BeforeEach
	void emptyTables() {
		TestDatabase database = TestDatabases.forModule("core");
		this.db = database.client();
		this.db.sql("TRUNCATE vouchers, rewards, customers, staff CASCADE")
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		this.rewards = new R2dbcRewards(this.db);
		this.vouchers = new R2dbcVouchers(this.db);
	}

	@Override
	protected Rewards rewards() {
		return this.rewards;
	}

	@Override
	protected Vouchers vouchers() {
		return this.vouchers;
	}

	@Override
	protected CustomerId aCustomer() {
		return Rows.customer(this.db);
	}

	@Override
	protected StaffId aCashier() {
		StaffId staff = StaffId.random();
		this.db.sql("INSERT INTO staff (id, username, password_hash, role) VALUES (:id, :name, 'x', 'ADMIN')")
			.bind("id", staff.value())
			.bind("name", "staff-" + staff)
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		return staff;
	}

}
