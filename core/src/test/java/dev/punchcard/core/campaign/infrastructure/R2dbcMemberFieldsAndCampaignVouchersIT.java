package dev.punchcard.core.campaign.infrastructure;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.punchcard.core.campaign.application.MemberFieldValues;
import dev.punchcard.core.points.domain.ProgramFixture;
import dev.punchcard.core.reward.domain.Voucher;
import dev.punchcard.core.reward.domain.VoucherStatus;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.RewardId;
import dev.punchcard.core.shared.domain.VoucherId;
import dev.punchcard.core.support.Rows;
import dev.punchcard.core.support.TestClock;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member fields read model in one statement, and campaign vouchers as rows of the
 * voucher table, on PostgreSQL.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class R2dbcMemberFieldsAndCampaignVouchersIT {

	private DatabaseClient db;

	private R2dbcMemberFields fields;

	private R2dbcCampaignVouchers vouchers;

	@BeforeEach
	void emptyTables() {
		this.db = TestDatabases.forModule("core").client();
		this.db.sql(
				"TRUNCATE vouchers, rewards, purchases, channel_identities, points_balances, customers, stores CASCADE")
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		this.fields = new R2dbcMemberFields(this.db, ProgramFixture.tiers(), TestClock.fixed());
		this.vouchers = new R2dbcCampaignVouchers(this.db);
	}

	@Test
	void should_load_the_fields_of_a_batch_of_members_in_one_call_and_leave_out_unknown_ids() {
		// given: Ann at a home store with 120 points, 300.00 spent in the window, both
		// chats; Bob with nothing
		CustomerId ann = Rows.customerWithAccount(this.db);
		CustomerId bob = Rows.customerWithAccount(this.db);
		exec("INSERT INTO stores (id, code, name) VALUES ('" + UUID.randomUUID() + "', 'S1', 'Main Street')");
		exec("UPDATE customers SET name = 'Ann Lee', language = 'ru', home_store_id = (SELECT id FROM stores), "
				+ "tier = 'BRONZE' WHERE id = '" + ann + "'");
		exec("UPDATE points_balances SET balance = 120 WHERE customer_id = '" + ann + "'");
		purchase(ann, 30_000, TestClock.NOW.minus(Duration.ofDays(10)));
		purchase(ann, 99_999, TestClock.NOW.minus(Duration.ofDays(400)));
		chat(ann, "WHATSAPP", "4915100000001", "4915100000001");
		chat(ann, "TELEGRAM", "777", "777001");

		// when
		List<MemberFieldValues> loaded = this.fields.of(List.of(ann, bob, CustomerId.random())).collectList().block();

		// then
		assertThat(loaded).hasSize(2);
		MemberFieldValues a = loaded.stream().filter((member) -> member.id().equals(ann)).findFirst().orElseThrow();
		assertThat(a.firstName()).isEqualTo("Ann");
		assertThat(a.language()).isEqualTo("ru");
		assertThat(a.balance()).isEqualTo(120);
		assertThat(a.tier()).isEqualTo("BRONZE");
		assertThat(a.nextTier()).isEqualTo("SILVER");
		assertThat(a.spendToNextTierMinor()).as("500.00 for Silver, 300.00 spent in the window").isEqualTo(20_000);
		assertThat(a.homeStore()).isEqualTo("Main Street");
		assertThat(a.referralCode()).isEqualTo("C-" + ann);
		assertThat(a.whatsAppId()).isEqualTo("4915100000001");
		assertThat(a.telegramChatId()).isEqualTo("777001");
		MemberFieldValues b = loaded.stream().filter((member) -> member.id().equals(bob)).findFirst().orElseThrow();
		assertThat(b.homeStore()).isNull();
		assertThat(b.whatsAppId()).isNull();
		assertThat(b.spendToNextTierMinor()).isEqualTo(50_000);
		this.fields.of(List.of()).as(StepVerifier::create).verifyComplete();
	}

	@Test
	void should_keep_one_campaign_voucher_per_campaign_and_member_when_it_is_inserted_again() {
		CustomerId member = Rows.customerWithAccount(this.db);
		RewardId reward = reward();

		Voucher first = voucher(member, reward, 1001);
		this.vouchers.insert("spring", first).as(StepVerifier::create).expectNext(first).verifyComplete();
		this.vouchers.insert("spring", voucher(member, reward, 1002)).as(StepVerifier::create).verifyComplete();
		this.vouchers.insert("summer", voucher(member, reward, 1003))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();

		this.vouchers.find("spring", member).as(StepVerifier::create).expectNext(first).verifyComplete();
		this.vouchers.find("autumn", member).as(StepVerifier::create).verifyComplete();
		assertThat(count("SELECT count(*) FROM vouchers")).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM points_ledger_entries")).isZero();
	}

	@Test
	void should_refuse_a_free_voucher_outside_a_campaign_and_a_campaign_voucher_that_costs_points() {
		CustomerId member = Rows.customerWithAccount(this.db);
		RewardId reward = reward();

		this.db
			.sql("INSERT INTO vouchers (id, serial, customer_id, reward_id, cost_points, status, issued_at) "
					+ "VALUES (gen_random_uuid(), 2001, :c, :r, 0, 'ISSUED', now())")
			.bind("c", member.value())
			.bind("r", reward.value())
			.then()
			.as(StepVerifier::create)
			.expectError(DataIntegrityViolationException.class)
			.verify();
		this.db
			.sql("INSERT INTO vouchers (id, serial, customer_id, reward_id, cost_points, status, campaign_key, "
					+ "issued_at) VALUES (gen_random_uuid(), 2002, :c, :r, 30, 'ISSUED', 'spring', now())")
			.bind("c", member.value())
			.bind("r", reward.value())
			.then()
			.as(StepVerifier::create)
			.expectError(DataIntegrityViolationException.class)
			.verify();
	}

	private Voucher voucher(CustomerId member, RewardId reward, long serial) {
		return new Voucher(VoucherId.random(), serial, member, reward, 0, VoucherStatus.ISSUED, null, TestClock.NOW,
				null);
	}

	private RewardId reward() {
		RewardId reward = RewardId.random();
		this.db.sql("INSERT INTO rewards (id, name, cost_points) VALUES (:id, 'Coffee', 50)")
			.bind("id", reward.value())
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		return reward;
	}

	private void purchase(CustomerId customer, long amountMinor, java.time.Instant at) {
		this.db
			.sql("""
					INSERT INTO purchases (id, customer_id, store_id, receipt_no, amount_minor, currency, points_earned,
					                       tier_at_purchase, balance_after, tier_after, recorded_at)
					VALUES (:id, :customer, (SELECT id FROM stores), :receipt, :amount, 'EUR', 0, 'BRONZE', 0, 'BRONZE', :at)
					""")
			.bind("id", UUID.randomUUID())
			.bind("customer", customer.value())
			.bind("receipt", "R-" + UUID.randomUUID())
			.bind("amount", amountMinor)
			.bind("at", at.atOffset(ZoneOffset.UTC))
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
	}

	private void chat(CustomerId customer, String channel, String externalId, String chatId) {
		this.db
			.sql("INSERT INTO channel_identities (id, customer_id, channel, external_id, chat_id) "
					+ "VALUES (:id, :customer, :channel, :external, :chat)")
			.bind("id", UUID.randomUUID())
			.bind("customer", customer.value())
			.bind("channel", channel)
			.bind("external", externalId)
			.bind("chat", chatId)
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
	}

	private void exec(String sql) {
		this.db.sql(sql).then().as(StepVerifier::create).verifyComplete();
	}

	private long count(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block();
	}

}
