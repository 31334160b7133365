package dev.punchcard.core.customer.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.punchcard.core.customer.application.ChatLinkCode;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.support.TestClock;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

import static dev.punchcard.core.shared.domain.ChatChannel.TELEGRAM;
import static dev.punchcard.core.shared.domain.ChatChannel.WHATSAPP;
import static org.assertj.core.api.Assertions.assertThat;

/** Merges of empty members and link codes on PostgreSQL. */
@TestMethodOrder(MethodOrderer.Random.class)
class R2dbcChatLinkingIT {

	private static final Instant NOW = TestClock.NOW;

	private DatabaseClient db;

	private R2dbcCustomers customers;

	private R2dbcChatIdentities identities;

	private R2dbcCustomerMerges merges;

	private R2dbcChatLinkCodes codes;

	@BeforeEach
	void emptyTables() {
		TestDatabase database = TestDatabases.forModule("core");
		this.db = database.client();
		this.db
			.sql("TRUNCATE customers, points_balances, points_ledger_entries, channel_identities, notification_outbox, "
					+ "chat_link_codes, chat_link_failures CASCADE")
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		this.customers = new R2dbcCustomers(this.db);
		this.identities = new R2dbcChatIdentities(this.db);
		this.merges = new R2dbcCustomerMerges(this.db);
		this.codes = new R2dbcChatLinkCodes(this.db);
	}

	@Test
	void should_move_accounts_and_notifications_delete_the_empty_member_and_hand_over_its_phone() {
		Customer empty = stored(CustomerFixture.aCustomer().withPhone("+4915112345678").build());
		Customer kept = stored(CustomerFixture.aCustomer().build());
		this.identities.link(empty.id(), WHATSAPP, "4915112345678", "4915112345678", NOW).block();
		this.identities.link(kept.id(), TELEGRAM, "100", "100", NOW).block();
		this.codes.insert(new ChatLinkCode("AAAABBBB", empty.id(), WHATSAPP, NOW.plusSeconds(60))).block();
		this.db.sql("""
				INSERT INTO notification_outbox (id, customer_id, kind, payload, idempotency_key)
				VALUES (:id, :customerId, 'TEST', '{}'::jsonb, :key)
				""")
			.bind("id", UUID.randomUUID())
			.bind("customerId", empty.id().value())
			.bind("key", UUID.randomUUID().toString())
			.then()
			.block();

		this.merges.mergeIfUnused(empty.id(), kept.id()).as(StepVerifier::create).expectNext(true).verifyComplete();

		assertThat(this.identities.findCustomer(WHATSAPP, "4915112345678").block().id()).isEqualTo(kept.id());
		assertThat(this.customers.findById(empty.id()).block()).isNull();
		assertThat(this.customers.findById(kept.id()).block().phone()).isEqualTo("+4915112345678");
		assertThat(count("SELECT count(*) FROM notification_outbox WHERE customer_id = '" + kept.id().value() + "'"))
			.isEqualTo(1);
		assertThat(count("SELECT count(*) FROM points_balances")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM chat_link_codes")).as("its codes go with it").isZero();
	}

	@Test
	void should_keep_the_survivors_own_phone_when_it_has_one() {
		Customer empty = stored(CustomerFixture.aCustomer().withPhone("+4915112345678").build());
		Customer kept = stored(CustomerFixture.aCustomer().withPhone("+4915199999999").build());

		this.merges.mergeIfUnused(empty.id(), kept.id()).as(StepVerifier::create).expectNext(true).verifyComplete();

		assertThat(this.customers.findById(kept.id()).block().phone()).isEqualTo("+4915199999999");
		assertThat(this.customers.findByPhone("+4915112345678").block()).isNull();
	}

	@Test
	void should_change_nothing_when_the_member_has_ledger_entries() {
		Customer earned = stored(CustomerFixture.aCustomer().build());
		Customer other = stored(CustomerFixture.aCustomer().build());
		this.identities.link(earned.id(), TELEGRAM, "100", "100", NOW).block();
		this.db.sql("""
				WITH entry AS (
				    INSERT INTO points_ledger_entries (id, customer_id, delta, kind, reason, source_type, source_id,
				                                       occurred_at)
				    VALUES (:id, :customerId, 10, 'ADJUST', 'test', 'TEST', :id::text, now())
				)
				UPDATE points_balances SET balance = 10 WHERE customer_id = :customerId
				""").bind("id", UUID.randomUUID()).bind("customerId", earned.id().value()).then().block();

		this.merges.mergeIfUnused(earned.id(), other.id()).as(StepVerifier::create).expectNext(false).verifyComplete();

		assertThat(this.identities.findCustomer(TELEGRAM, "100").block().id()).isEqualTo(earned.id());
		assertThat(count("SELECT balance FROM points_balances WHERE customer_id = '" + earned.id().value() + "'"))
			.isEqualTo(10);
	}

	@Test
	void should_change_nothing_when_the_member_referred_a_friend_or_is_unknown() {
		Customer referrer = stored(CustomerFixture.aCustomer().build());
		stored(CustomerFixture.aCustomer().referredBy(referrer).build());
		Customer other = stored(CustomerFixture.aCustomer().build());

		this.merges.mergeIfUnused(referrer.id(), other.id())
			.as(StepVerifier::create)
			.expectNext(false)
			.verifyComplete();
		this.merges.mergeIfUnused(CustomerId.random(), other.id())
			.as(StepVerifier::create)
			.expectNext(false)
			.verifyComplete();
		this.merges.mergeIfUnused(other.id(), other.id()).as(StepVerifier::create).expectNext(false).verifyComplete();
	}

	@Test
	void should_use_a_code_once_only_on_another_channel_before_it_expires() {
		Customer member = stored(CustomerFixture.aCustomer().build());
		Customer other = stored(CustomerFixture.aCustomer().build());
		this.codes.insert(new ChatLinkCode("AAAABBBB", member.id(), TELEGRAM, NOW.plusSeconds(600))).block();
		this.codes.insert(new ChatLinkCode("CCCCDDDD", other.id(), TELEGRAM, NOW.plusSeconds(600))).block();

		this.codes.use("AAAABBBB", TELEGRAM, NOW).as(StepVerifier::create).verifyComplete();
		this.codes.findUsable("AAAABBBB", NOW)
			.as(StepVerifier::create)
			.expectNextMatches((code) -> code.channel() == TELEGRAM && code.customerId().equals(member.id()))
			.verifyComplete();
		this.codes.use("AAAABBBB", WHATSAPP, NOW).as(StepVerifier::create).expectNext(member.id()).verifyComplete();
		this.codes.use("AAAABBBB", WHATSAPP, NOW).as(StepVerifier::create).verifyComplete();
		this.codes.findUsable("AAAABBBB", NOW).as(StepVerifier::create).verifyComplete();
		this.codes.use("CCCCDDDD", WHATSAPP, NOW.plusSeconds(600)).as(StepVerifier::create).verifyComplete();
		this.codes.use("EEEEFFFF", WHATSAPP, NOW).as(StepVerifier::create).verifyComplete();
	}

	@Test
	void should_replace_the_members_earlier_codes_when_a_new_one_is_stored() {
		Customer member = stored(CustomerFixture.aCustomer().build());
		Customer other = stored(CustomerFixture.aCustomer().build());
		this.codes.insert(new ChatLinkCode("AAAABBBB", member.id(), TELEGRAM, NOW.plusSeconds(600))).block();
		this.codes.insert(new ChatLinkCode("GGGGHHHH", other.id(), TELEGRAM, NOW.plusSeconds(600))).block();
		this.codes.insert(new ChatLinkCode("CCCCDDDD", member.id(), TELEGRAM, NOW.plusSeconds(600))).block();

		this.codes.use("AAAABBBB", WHATSAPP, NOW).as(StepVerifier::create).verifyComplete();
		this.codes.use("GGGGHHHH", WHATSAPP, NOW).as(StepVerifier::create).expectNext(other.id()).verifyComplete();
		this.codes.use("CCCCDDDD", WHATSAPP, NOW).as(StepVerifier::create).expectNext(member.id()).verifyComplete();
	}

	@Test
	void should_count_an_accounts_wrong_codes_within_the_window() {
		this.codes.recordFailure(WHATSAPP, "491", NOW.minus(Duration.ofMinutes(11))).block();
		this.codes.recordFailure(WHATSAPP, "491", NOW.minus(Duration.ofMinutes(1))).block();
		this.codes.recordFailure(WHATSAPP, "491", NOW).block();
		this.codes.recordFailure(TELEGRAM, "491", NOW).block();

		this.codes.failuresSince(WHATSAPP, "491", NOW.minus(Duration.ofMinutes(10)))
			.as(StepVerifier::create)
			.expectNext(2L)
			.verifyComplete();
	}

	@Test
	void should_record_the_bsuid_of_an_account_known_by_phone_and_find_it_by_either_id_afterwards() {
		Customer member = stored(CustomerFixture.aCustomer().build());
		this.identities.link(member.id(), WHATSAPP, "4915112345678", "4915112345678", NOW).block();
		R2dbcChatAliases aliases = new R2dbcChatAliases(this.db);

		aliases.knownId(WHATSAPP, "4915112345678", "US.1")
			.as(StepVerifier::create)
			.expectNext("4915112345678")
			.verifyComplete();
		aliases.knownId(WHATSAPP, "US.1", "US.1").as(StepVerifier::create).expectNext("4915112345678").verifyComplete();
		aliases.knownId(TELEGRAM, "US.1", "US.1").as(StepVerifier::create).verifyComplete();
		aliases.knownId(WHATSAPP, "4915112345678", "US.2")
			.as(StepVerifier::create)
			.expectNext("4915112345678")
			.verifyComplete();
		aliases.knownId(WHATSAPP, "US.2", "US.2").as(StepVerifier::create).as("the first alias stays").verifyComplete();
	}

	@Test
	void should_keep_the_bsuid_an_account_was_first_stored_under_when_the_phone_number_comes_later() {
		Customer member = stored(CustomerFixture.aCustomer().build());
		this.identities.link(member.id(), WHATSAPP, "US.9", "US.9", NOW).block();
		R2dbcChatAliases aliases = new R2dbcChatAliases(this.db);

		aliases.knownId(WHATSAPP, "4915112345678", "US.9").as(StepVerifier::create).expectNext("US.9").verifyComplete();
		aliases.knownId(WHATSAPP, "4915100000000", "US.8").as(StepVerifier::create).verifyComplete();
		assertThat(count("SELECT count(*) FROM channel_identities WHERE alias_id IS NOT NULL")).isZero();
	}

	private Customer stored(Customer customer) {
		return this.customers.insertIfPhoneFree(customer).block();
	}

	private long count(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block();
	}

}
