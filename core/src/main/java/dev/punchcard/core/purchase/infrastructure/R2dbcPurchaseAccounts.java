package dev.punchcard.core.purchase.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.customer.infrastructure.CustomerRows;
import dev.punchcard.core.notification.application.Notification;
import dev.punchcard.core.points.domain.ExpiryPolicy;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.purchase.application.PurchaseAccount;
import dev.punchcard.core.purchase.application.PurchaseAccounts;
import dev.punchcard.core.purchase.application.PurchaseAccounts.HolderBalance;
import dev.punchcard.core.purchase.application.PurchaseCredit;
import dev.punchcard.core.purchase.application.PurchaseCredit.TierChange;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.shared.domain.StoreId;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The till's view of an account in two statements. The balance row's {@code xmin} (the id
 * of the transaction that wrote its current version) is the account's version: every
 * write of the balance changes it, so the credit's
 * {@code UPDATE ... WHERE xmin = :version} moves the balance only if nothing did since
 * the read, and every other write of the credit happens only if that update did. A
 * receipt recorded meanwhile makes the insert fail with a unique violation, which undoes
 * the whole statement.
 */
class R2dbcPurchaseAccounts implements PurchaseAccounts {

	private static final String FIND = "SELECT " + CustomerRows.COLUMNS + """
			,
			       c.referred_by IS NOT NULL AND c.referral_rewarded_at IS NULL AS referral_due,
			       b.balance, b.xmin::text AS version,
			       (SELECT COALESCE(SUM(s.amount_minor - s.refunded_minor), 0)::bigint FROM purchases s
			        WHERE s.customer_id = c.id AND s.recorded_at > :since) AS net_spend,
			       p.id AS p_id, p.customer_id AS p_customer_id, p.store_id AS p_store_id,
			       p.receipt_no AS p_receipt_no, p.amount_minor AS p_amount_minor, p.currency AS p_currency,
			       p.points_earned AS p_points_earned, p.tier_at_purchase AS p_tier_at_purchase,
			       p.refunded_minor AS p_refunded_minor, p.points_reversed AS p_points_reversed,
			       p.balance_after AS p_balance_after, p.tier_after AS p_tier_after, p.cashier_id AS p_cashier_id,
			       p.recorded_at AS p_recorded_at
			FROM customers c
			JOIN points_balances b ON b.customer_id = c.id
			LEFT JOIN purchases p ON p.store_id = :storeId AND p.receipt_no = :receiptNo
			WHERE c.card_number = :cardNumber
			""";

	private static final String MOVE_AND_INSERT = """
			WITH moved AS (
			    UPDATE points_balances SET balance = balance + :earned, updated_at = :recordedAt
			    WHERE customer_id = :customerId AND xmin::text = :version
			    RETURNING balance
			), purchase AS (
			    INSERT INTO purchases (id, customer_id, store_id, receipt_no, amount_minor, currency, points_earned,
			                           tier_at_purchase, balance_after, tier_after, cashier_id, recorded_at)
			    SELECT :id, :customerId, :storeId, :receiptNo, :amountMinor, :currency, :earned,
			           :tierAtPurchase, moved.balance, :tierAfter, :cashierId, :recordedAt
			    FROM moved
			    RETURNING id
			), notified AS (
			    INSERT INTO notification_outbox (id, customer_id, kind, payload, idempotency_key)
			    SELECT :notificationId, :customerId, :notificationKind, :payload, :notificationKey FROM purchase
			    ON CONFLICT ON CONSTRAINT notification_outbox_idempotency_key_key DO NOTHING
			)
			""";

	private static final String ENTRY = """
			, entry AS (
			    INSERT INTO points_ledger_entries (id, customer_id, delta, kind, reason, source_type, source_id,
			                                       occurred_at, expires_at)
			    SELECT :entryId, :customerId, :earned, :entryKind, :entryReason, :entrySourceType, :entrySourceId,
			           :recordedAt, :entryExpiresAt
			    FROM purchase
			)
			""";

	private static final String ITEMS = """
			, items AS (
			    INSERT INTO purchase_items (purchase_id, line_no, sku, name, category, quantity, unit_price_minor)
			    SELECT purchase.id, t.line_no, t.sku, t.name, t.category, t.quantity, t.unit_price_minor
			    FROM purchase, unnest(:lineNos::int[], :skus::text[], :names::text[], :categories::text[],
			                          :quantities::int[], :prices::bigint[])
			        AS t(line_no, sku, name, category, quantity, unit_price_minor)
			)
			""";

	private static final String TIER = """
			, promoted AS (
			    UPDATE customers SET tier = :toTier
			    WHERE id = :customerId AND tier = :fromTier AND EXISTS (SELECT 1 FROM purchase)
			    RETURNING id
			), tier_change AS (
			    INSERT INTO tier_changes (id, customer_id, from_tier, to_tier, net_spend_minor, cause_type, cause_id,
			                              changed_at)
			    SELECT :tierChangeId, id, :fromTier, :toTier, :netSpend, :entrySourceType, :entrySourceId, :recordedAt
			    FROM promoted
			)
			""";

	private static final String RESULT = "SELECT balance FROM moved";

	/** The statement for each combination of (entry, items, tier change), built once. */
	private static final List<String> CREDITS = List.of(credit(false, false, false), credit(false, false, true),
			credit(false, true, false), credit(false, true, true), credit(true, false, false),
			credit(true, false, true), credit(true, true, false), credit(true, true, true));

	private static final String RECEIPT_KEY = "purchases_store_receipt_key";

	private final DatabaseClient db;

	private final ObjectMapper json;

	private final ExpiryPolicy expiry;

	R2dbcPurchaseAccounts(DatabaseClient db, ObjectMapper json, ExpiryPolicy expiry) {
		this.db = db;
		this.json = json;
		this.expiry = expiry;
	}

	@Override
	public Mono<PurchaseAccount> find(long cardNumber, StoreId storeId, String receiptNo, Instant spendSince) {
		return this.db.sql(FIND)
			.bind("since", spendSince.atOffset(ZoneOffset.UTC))
			.bind("storeId", storeId.value())
			.bind("receiptNo", receiptNo)
			.bind("cardNumber", cardNumber)
			.map(R2dbcPurchaseAccounts::account)
			.one();
	}

	@Override
	public Flux<HolderBalance> holders(Collection<Long> cardNumbers) {
		if (cardNumbers.isEmpty()) {
			return Flux.empty();
		}
		return this.db.sql("SELECT " + CustomerRows.COLUMNS + """
				, b.balance
				FROM customers c JOIN points_balances b ON b.customer_id = c.id
				WHERE c.card_number = ANY(:cardNumbers::bigint[])
				""")
			.bind("cardNumbers", cardNumbers.toArray(Long[]::new))
			.map((row) -> new HolderBalance(CustomerRows.customer(row), Points.of(row.get("balance", Long.class))))
			.all();
	}

	@Override
	public Mono<Boolean> credit(PurchaseCredit credit) {
		Purchase purchase = credit.purchase();
		LedgerEntry entry = credit.entry();
		TierChange tierChange = credit.tierChange();
		// bound at once: each bind(name, value) of DatabaseClient copies all bindings so
		// far
		Map<String, Object> values = new HashMap<>(64);
		values.put("customerId", purchase.customerId().value());
		values.put("version", credit.accountVersion());
		values.put("earned", purchase.pointsEarned());
		values.put("id", purchase.id().value());
		values.put("storeId", purchase.storeId().value());
		values.put("receiptNo", purchase.receiptNo());
		values.put("amountMinor", purchase.amount().minorUnits());
		values.put("currency", purchase.amount().currency().getCurrencyCode());
		values.put("tierAtPurchase", purchase.tierAtPurchase());
		values.put("tierAfter", purchase.tierAfter());
		values.put("cashierId", Parameter.fromOrEmpty(R2dbcPurchases.staff(purchase.cashierId()), UUID.class));
		values.put("recordedAt", purchase.recordedAt().atOffset(ZoneOffset.UTC));
		notification(values, credit.notification());
		if (entry != null) {
			values.put("entryId", entry.id());
			values.put("entryKind", entry.kind().name());
			values.put("entryReason", entry.reason());
			values.put("entrySourceType", entry.sourceType());
			values.put("entrySourceId", entry.sourceId());
			// the lot's expiry under the policy in force now: one more value in the same
			// statement
			Instant expiresAt = this.expiry.expiresAt(entry.delta(), entry.occurredAt());
			values.put("entryExpiresAt", (expiresAt != null) ? Parameter.from(expiresAt.atOffset(ZoneOffset.UTC))
					: Parameter.empty(OffsetDateTime.class));
		}
		boolean items = !purchase.items().isEmpty();
		if (items) {
			values.putAll(R2dbcPurchases.itemColumns(purchase.items()));
		}
		if (tierChange != null) {
			// the tier change names its cause as the ledger entry does
			values.putIfAbsent("entrySourceType", "PURCHASE");
			values.putIfAbsent("entrySourceId", purchase.id().toString());
			values.put("tierChangeId", UUID.randomUUID());
			values.put("fromTier", tierChange.from());
			values.put("toTier", tierChange.to());
			values.put("netSpend", tierChange.netSpendMinor());
		}
		return this.db.sql(CREDITS.get(index(entry != null, items, tierChange != null)))
			.bindValues(values)
			.map((row) -> row.get("balance", Long.class))
			.one()
			.map((balance) -> true)
			.defaultIfEmpty(false)
			.onErrorResume(DuplicateKeyException.class, (ex) -> receiptTaken(ex) ? Mono.just(false) : Mono.error(ex));
	}

	private void notification(Map<String, Object> values, Notification notification) {
		String payload;
		try {
			payload = this.json.writeValueAsString(notification.payload());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("unserialisable payload", ex);
		}
		values.put("notificationId", UUID.randomUUID());
		values.put("notificationKind", notification.payload().kind());
		values.put("payload", Json.of(payload));
		values.put("notificationKey", notification.idempotencyKey());
	}

	private static boolean receiptTaken(DuplicateKeyException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains(RECEIPT_KEY)) {
				return true;
			}
		}
		return false;
	}

	private static PurchaseAccount account(Readable row) {
		UUID recorded = row.get("p_id", UUID.class);
		return new PurchaseAccount(CustomerRows.customer(row), Points.of(row.get("balance", Long.class)),
				row.get("version", String.class), row.get("net_spend", Long.class),
				Boolean.TRUE.equals(row.get("referral_due", Boolean.class)),
				(recorded != null) ? R2dbcPurchases.purchaseNamed(row, "p_") : null);
	}

	private static int index(boolean entry, boolean items, boolean tier) {
		return (entry ? 4 : 0) + (items ? 2 : 0) + (tier ? 1 : 0);
	}

	private static String credit(boolean entry, boolean items, boolean tier) {
		return MOVE_AND_INSERT + (entry ? ENTRY : "") + (items ? ITEMS : "") + (tier ? TIER : "") + RESULT;
	}

}
