package dev.punchcard.core.reward.infrastructure;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.punchcard.core.reward.application.Rewards;
import dev.punchcard.core.reward.application.RewardsAndVouchersContract;
import dev.punchcard.core.reward.application.Vouchers;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import io.r2dbc.spi.ConnectionFactories;
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
		this.db = DatabaseClient.create(ConnectionFactories
			.get(database.r2dbcUrl().replace("r2dbc:postgresql://", "r2dbc:postgresql://" + database.user() + "@")));
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
		CustomerId customer = CustomerId.random();
		this.db.sql("""
				INSERT INTO customers (id, name, referral_code, card_number, created_at)
				VALUES (:id, 'Contract', :code, :card, :at)
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
