package dev.punchcard.core.purchase.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.notification.application.Notification;
import dev.punchcard.core.notification.application.NotificationPayload.PointsCredited;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.ExpiryPolicy;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.purchase.application.PurchaseAccount;
import dev.punchcard.core.purchase.application.PurchaseCredit;
import dev.punchcard.core.purchase.application.PurchaseCredit.TierChange;
import dev.punchcard.core.purchase.domain.LineItem;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Money;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The till's account view on real PostgreSQL: what one read returns, and that the one
 * write statement writes all of a credit or, when the account moved or the receipt was
 * taken meanwhile, nothing.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class R2dbcPurchaseAccountsIT {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private static final Instant WINDOW_START = NOW.minus(Duration.ofDays(365));

	private static final StoreId STORE = new StoreId(UUID.fromString("00000000-0000-4000-9000-000000000001"));

	private static final CustomerId CARLA = new CustomerId(UUID.fromString("00000000-0000-4000-8000-000000000001"));

	private static final CustomerId DAVID = new CustomerId(UUID.fromString("00000000-0000-4000-8000-000000000002"));

	private static final long CARLA_CARD = 4242L;

	private DatabaseClient db;

	private R2dbcPurchaseAccounts accounts;

	@BeforeEach
	void givenAStoreAndTwoCustomers() {
		TestDatabase database = TestDatabases.forModule("core");
		this.db = database.client();
		this.accounts = new R2dbcPurchaseAccounts(this.db, new ObjectMapper(), ExpiryPolicy.never());
		execute("TRUNCATE stores, customers, points_balances, points_ledger_entries, purchases, purchase_items, "
				+ "refunds, notification_outbox, tier_changes RESTART IDENTITY CASCADE");
		execute("INSERT INTO stores (id, code, name) VALUES ('" + STORE + "', 'S1', 'Main street')");
		execute("INSERT INTO customers (id, name, referral_code, card_number) VALUES ('" + CARLA
				+ "', 'Carla', 'CARLA', " + CARLA_CARD + "), ('" + DAVID + "', 'David', 'DAVID', 4343)");
		execute("INSERT INTO points_balances (customer_id, balance) VALUES ('" + CARLA + "', 100), ('" + DAVID
				+ "', 0)");
	}

	@Test
	void should_read_the_holders_of_many_cards_with_their_balances_in_one_go_leaving_out_unknown_cards() {
		this.accounts.holders(List.of(CARLA_CARD, 4343L, 9999L))
			.map((found) -> found.holder().name() + "=" + found.balance().value())
			.collectList()
			.as(StepVerifier::create)
			.assertNext((found) -> assertThat(found).containsExactlyInAnyOrder("Carla=100", "David=0"))
			.verifyComplete();
		this.accounts.holders(List.of()).as(StepVerifier::create).verifyComplete();
	}

	@Test
	void should_read_holder_balance_version_and_net_spend_when_the_receipt_is_new() {
		insertPurchase(CARLA, "OLD", 900_00, 100_00, NOW.minus(Duration.ofDays(400)));
		insertPurchase(CARLA, "R-0", 300_00, 50_00, NOW.minus(Duration.ofDays(30)));

		PurchaseAccount account = find("R-1");

		assertThat(account.holder().id()).isEqualTo(CARLA);
		assertThat(account.balance()).isEqualTo(Points.of(100));
		assertThat(account.version()).isNotBlank();
		// inside the window only, refunds subtracted
		assertThat(account.netSpendMinor()).isEqualTo(250_00);
		assertThat(account.referralBonusDue()).isFalse();
		assertThat(account.recorded()).isNull();
	}

	@Test
	void should_return_the_purchase_already_recorded_for_the_receipt_whoever_it_belongs_to() {
		insertPurchase(DAVID, "R-1", 12_00, 0, NOW.minus(Duration.ofDays(1)));

		Purchase recorded = find("R-1").recorded();

		assertThat(recorded).isNotNull();
		assertThat(recorded.customerId()).isEqualTo(DAVID);
		assertThat(recorded.amount().minorUnits()).isEqualTo(12_00);
	}

	@Test
	void should_complete_empty_when_no_customer_has_the_card_number() {
		this.accounts.find(999L, STORE, "R-1", WINDOW_START).as(StepVerifier::create).verifyComplete();
	}

	@Test
	void should_write_purchase_items_entry_balance_tier_and_notification_when_the_account_is_unchanged() {
		PurchaseAccount account = find("R-1");
		List<LineItem> items = List.of(new LineItem("SKU-1", "Coffee", "drinks", 2, 3_50),
				new LineItem("SKU-2", null, null, 1, 5_00));

		this.accounts.credit(credit(account, "R-1", 12_00, 12, items, new TierChange("BRONZE", "SILVER", 12_00)))
			.as(StepVerifier::create)
			.expectNext(true)
			.verifyComplete();

		assertThat(scalar("SELECT balance FROM points_balances WHERE customer_id = '" + CARLA + "'")).isEqualTo(112);
		assertThat(scalar("SELECT balance_after FROM purchases WHERE receipt_no = 'R-1'")).isEqualTo(112);
		assertThat(scalar("SELECT count(*) FROM purchase_items")).isEqualTo(2);
		assertThat(scalar("SELECT sum(delta) FROM points_ledger_entries WHERE kind = 'EARN'")).isEqualTo(12);
		assertThat(scalar("SELECT count(*) FROM notification_outbox WHERE kind = 'PointsCredited'")).isEqualTo(1);
		assertThat(text("SELECT tier FROM customers WHERE id = '" + CARLA + "'")).isEqualTo("SILVER");
		assertThat(text("SELECT to_tier || ':' || net_spend_minor FROM tier_changes")).isEqualTo("SILVER:1200");
	}

	@Test
	void should_write_no_ledger_entry_when_the_purchase_earns_nothing() {
		PurchaseAccount account = find("R-1");

		this.accounts.credit(credit(account, "R-1", 50, 0, List.of(), null))
			.as(StepVerifier::create)
			.expectNext(true)
			.verifyComplete();

		assertThat(scalar("SELECT count(*) FROM purchases")).isEqualTo(1);
		assertThat(scalar("SELECT count(*) FROM points_ledger_entries")).isZero();
		assertThat(scalar("SELECT balance FROM points_balances WHERE customer_id = '" + CARLA + "'")).isEqualTo(100);
	}

	@Test
	void should_write_nothing_when_the_balance_changed_since_the_account_was_read() {
		PurchaseAccount account = find("R-1");
		execute("UPDATE points_balances SET balance = balance + 5 WHERE customer_id = '" + CARLA + "'");

		this.accounts.credit(credit(account, "R-1", 12_00, 12, List.of(), new TierChange("BRONZE", "SILVER", 12_00)))
			.as(StepVerifier::create)
			.expectNext(false)
			.verifyComplete();

		assertThat(scalar("SELECT balance FROM points_balances WHERE customer_id = '" + CARLA + "'")).isEqualTo(105);
		assertNothingCredited();
		assertThat(text("SELECT tier FROM customers WHERE id = '" + CARLA + "'")).isEqualTo("BRONZE");
	}

	@Test
	void should_write_nothing_when_the_receipt_was_recorded_for_another_customer_meanwhile() {
		PurchaseAccount account = find("R-1");
		insertPurchase(DAVID, "R-1", 7_00, 0, NOW);

		this.accounts.credit(credit(account, "R-1", 12_00, 12, List.of(), null))
			.as(StepVerifier::create)
			.expectNext(false)
			.verifyComplete();

		assertThat(scalar("SELECT balance FROM points_balances WHERE customer_id = '" + CARLA + "'")).isEqualTo(100);
		assertThat(scalar("SELECT count(*) FROM purchases")).isEqualTo(1);
		assertThat(scalar("SELECT count(*) FROM points_ledger_entries")).isZero();
		assertThat(scalar("SELECT count(*) FROM notification_outbox")).isZero();
	}

	@Test
	void should_write_once_when_the_same_credit_is_written_twice() {
		PurchaseAccount account = find("R-1");
		PurchaseCredit credit = credit(account, "R-1", 12_00, 12, List.of(), null);
		this.accounts.credit(credit).as(StepVerifier::create).expectNext(true).verifyComplete();

		this.accounts.credit(credit).as(StepVerifier::create).expectNext(false).verifyComplete();

		assertThat(scalar("SELECT count(*) FROM purchases")).isEqualTo(1);
		assertThat(scalar("SELECT balance FROM points_balances WHERE customer_id = '" + CARLA + "'")).isEqualTo(112);
	}

	private PurchaseAccount find(String receiptNo) {
		PurchaseAccount account = this.accounts.find(CARLA_CARD, STORE, receiptNo, WINDOW_START).block();
		assertThat(account).isNotNull();
		return account;
	}

	private static PurchaseCredit credit(PurchaseAccount account, String receiptNo, long amountMinor, long earned,
			List<LineItem> items, @Nullable TierChange tierChange) {
		String tier = (tierChange != null) ? tierChange.to() : account.holder().tier();
		long balanceAfter = account.balance().value() + earned;
		Purchase purchase = new Purchase(PurchaseId.random(), CARLA, STORE, receiptNo,
				new Money(amountMinor, Currency.getInstance("EUR")), earned, account.holder().tier(), 0, 0,
				balanceAfter, tier, null, NOW, items);
		LedgerEntry entry = (earned == 0) ? null : LedgerEntry.of(CARLA, Points.of(earned), EntryKind.EARN,
				"purchase " + receiptNo + " at S1", "PURCHASE", purchase.id().toString(), NOW);
		Notification notification = new Notification(CARLA, "purchase:" + purchase.id(), new PointsCredited(
				purchase.id().toString(), "Main street", amountMinor, "EUR", earned, balanceAfter, tier));
		return new PurchaseCredit(purchase, account.version(), entry, tierChange, notification);
	}

	private void assertNothingCredited() {
		assertThat(scalar("SELECT count(*) FROM purchases")).isZero();
		assertThat(scalar("SELECT count(*) FROM purchase_items")).isZero();
		assertThat(scalar("SELECT count(*) FROM points_ledger_entries")).isZero();
		assertThat(scalar("SELECT count(*) FROM notification_outbox")).isZero();
		assertThat(scalar("SELECT count(*) FROM tier_changes")).isZero();
	}

	private void insertPurchase(CustomerId customer, String receiptNo, long amountMinor, long refundedMinor,
			Instant at) {
		execute("INSERT INTO purchases (id, customer_id, store_id, receipt_no, amount_minor, currency, points_earned, "
				+ "tier_at_purchase, refunded_minor, balance_after, tier_after, recorded_at) VALUES ('"
				+ UUID.randomUUID() + "', '" + customer + "', '" + STORE + "', '" + receiptNo + "', " + amountMinor
				+ ", 'EUR', 0, 'BRONZE', " + refundedMinor + ", 0, 'BRONZE', '" + at + "')");
	}

	private void execute(String sql) {
		this.db.sql(sql).then().as(StepVerifier::create).verifyComplete();
	}

	private long scalar(String sql) {
		Number value = this.db.sql(sql).map((row) -> (Number) row.get(0)).one().block();
		return (value == null) ? 0 : value.longValue();
	}

	private @Nullable String text(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, String.class)).one().block();
	}

}
