package dev.punchcard.core.purchase.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.punchcard.core.customer.infrastructure.CustomerRows;
import dev.punchcard.core.points.domain.ExpiryPolicy;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.purchase.application.PurchaseAccount;
import dev.punchcard.core.purchase.application.PurchaseCredit;
import dev.punchcard.core.purchase.application.PurchaseCredit.TierChange;
import dev.punchcard.core.purchase.domain.LineItem;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.shared.domain.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The till's two statements for many purchases at once: the accounts of a group of (card,
 * store, receipt) in one {@code SELECT}, and a group of credits in one statement, each
 * credit guarded by its own account version exactly as {@link R2dbcPurchaseAccounts}
 * guards one. A credit whose account moved since it was read (another purchase of the
 * same customer, in the same group or not) writes nothing and is answered false; the
 * others are written. A receipt taken meanwhile makes the whole statement fail with a
 * unique violation, as for one credit: the caller then writes that group's credits one by
 * one.
 */
class PurchaseAccountGroups {

	/** One look-up of an account: the arguments of {@code PurchaseAccounts.find}. */
	record AccountKey(long cardNumber, StoreId storeId, String receiptNo, Instant spendSince) {
	}

	private static final String FIND_ALL = "SELECT k.ord, " + CustomerRows.COLUMNS + """
			,
			       c.referred_by IS NOT NULL AND c.referral_rewarded_at IS NULL AS referral_due,
			       b.balance, b.xmin::text AS version,
			       (SELECT COALESCE(SUM(s.amount_minor - s.refunded_minor), 0)::bigint FROM purchases s
			        WHERE s.customer_id = c.id AND s.recorded_at > k.since) AS net_spend,
			       p.id AS p_id, p.customer_id AS p_customer_id, p.store_id AS p_store_id,
			       p.receipt_no AS p_receipt_no, p.amount_minor AS p_amount_minor, p.currency AS p_currency,
			       p.points_earned AS p_points_earned, p.tier_at_purchase AS p_tier_at_purchase,
			       p.refunded_minor AS p_refunded_minor, p.points_reversed AS p_points_reversed,
			       p.balance_after AS p_balance_after, p.tier_after AS p_tier_after, p.cashier_id AS p_cashier_id,
			       p.recorded_at AS p_recorded_at
			FROM unnest(:ords::int[], :cardNumbers::bigint[], :storeIds::uuid[], :receiptNos::text[],
			            :sinces::timestamptz[]) AS k(ord, card_number, store_id, receipt_no, since)
			JOIN customers c ON c.card_number = k.card_number
			JOIN points_balances b ON b.customer_id = c.id
			LEFT JOIN purchases p ON p.store_id = k.store_id AND p.receipt_no = k.receipt_no
			""";

	private static final String CREDIT_ALL = """
			WITH input AS (
			    SELECT * FROM unnest(:ords::int[], :customerIds::uuid[], :versions::text[], :earned::bigint[],
			                         :ids::uuid[], :storeIds::uuid[], :receiptNos::text[], :amounts::bigint[],
			                         :currencies::text[], :tiersAtPurchase::text[], :tiersAfter::text[],
			                         :cashierIds::uuid[], :recordedAts::timestamptz[], :notificationIds::uuid[],
			                         :notificationKinds::text[], :payloads::text[], :notificationKeys::text[],
			                         :entryIds::uuid[], :entryKinds::text[], :entryReasons::text[],
			                         :sourceTypes::text[], :sourceIds::text[], :expiresAts::timestamptz[],
			                         :tierChangeIds::uuid[], :fromTiers::text[], :toTiers::text[], :netSpends::bigint[])
			        AS t(ord, customer_id, version, earned, id, store_id, receipt_no, amount_minor, currency,
			             tier_at_purchase, tier_after, cashier_id, recorded_at, notification_id, notification_kind,
			             payload, notification_key, entry_id, entry_kind, entry_reason, source_type, source_id,
			             expires_at, tier_change_id, from_tier, to_tier, net_spend)
			), moved AS (
			    UPDATE points_balances b SET balance = b.balance + i.earned, updated_at = i.recorded_at
			    FROM input i
			    WHERE b.customer_id = i.customer_id AND b.xmin::text = i.version
			    RETURNING i.ord, b.balance
			), credited AS (
			    SELECT i.*, m.balance FROM moved m JOIN input i USING (ord)
			), purchase AS (
			    INSERT INTO purchases (id, customer_id, store_id, receipt_no, amount_minor, currency, points_earned,
			                           tier_at_purchase, balance_after, tier_after, cashier_id, recorded_at)
			    SELECT id, customer_id, store_id, receipt_no, amount_minor, currency, earned,
			           tier_at_purchase, balance, tier_after, cashier_id, recorded_at
			    FROM credited
			), notified AS (
			    INSERT INTO notification_outbox (id, customer_id, kind, payload, idempotency_key)
			    SELECT notification_id, customer_id, notification_kind, payload::jsonb, notification_key FROM credited
			    ON CONFLICT ON CONSTRAINT notification_outbox_idempotency_key_key DO NOTHING
			), entry AS (
			    INSERT INTO points_ledger_entries (id, customer_id, delta, kind, reason, source_type, source_id,
			                                       occurred_at, expires_at)
			    SELECT entry_id, customer_id, earned, entry_kind, entry_reason, source_type, source_id,
			           recorded_at, expires_at
			    FROM credited WHERE entry_id IS NOT NULL
			), items AS (
			    INSERT INTO purchase_items (purchase_id, line_no, sku, name, category, quantity, unit_price_minor)
			    SELECT c.id, t.line_no, t.sku, t.name, t.category, t.quantity, t.unit_price_minor
			    FROM unnest(:itemOrds::int[], :lineNos::int[], :skus::text[], :names::text[], :categories::text[],
			                :quantities::int[], :prices::bigint[])
			        AS t(ord, line_no, sku, name, category, quantity, unit_price_minor)
			    JOIN credited c USING (ord)
			), promoted AS (
			    UPDATE customers cu SET tier = c.to_tier
			    FROM credited c
			    WHERE cu.id = c.customer_id AND c.to_tier IS NOT NULL AND cu.tier = c.from_tier
			    RETURNING c.ord
			), tier_change AS (
			    INSERT INTO tier_changes (id, customer_id, from_tier, to_tier, net_spend_minor, cause_type, cause_id,
			                              changed_at)
			    SELECT c.tier_change_id, c.customer_id, c.from_tier, c.to_tier, c.net_spend, c.source_type,
			           c.source_id, c.recorded_at
			    FROM promoted p JOIN credited c USING (ord)
			)
			SELECT ord FROM moved
			""";

	/** What the tier change of a purchase that earns no points names as its cause. */
	private static final String PURCHASE_SOURCE = "PURCHASE";

	private final DatabaseClient db;

	private final ExpiryPolicy expiry;

	private final NotificationPayloads payloads;

	PurchaseAccountGroups(DatabaseClient db, ExpiryPolicy expiry, NotificationPayloads payloads) {
		this.db = db;
		this.expiry = expiry;
		this.payloads = payloads;
	}

	/**
	 * The accounts of the keys, in their order: null where no customer has the card
	 * number.
	 */
	Mono<List<@Nullable PurchaseAccount>> findAll(List<AccountKey> keys) {
		int size = keys.size();
		Integer[] ords = new Integer[size];
		Long[] cardNumbers = new Long[size];
		UUID[] storeIds = new UUID[size];
		String[] receiptNos = new String[size];
		OffsetDateTime[] sinces = new OffsetDateTime[size];
		for (int i = 0; i < size; i++) {
			AccountKey key = keys.get(i);
			ords[i] = i;
			cardNumbers[i] = key.cardNumber();
			storeIds[i] = key.storeId().value();
			receiptNos[i] = key.receiptNo();
			sinces[i] = utc(key.spendSince());
		}
		return this.db.sql(FIND_ALL)
			.bind("ords", ords)
			.bind("cardNumbers", cardNumbers)
			.bind("storeIds", storeIds)
			.bind("receiptNos", receiptNos)
			.bind("sinces", sinces)
			.map((row) -> new Found(row.get("ord", Integer.class), R2dbcPurchaseAccounts.account(row)))
			.all()
			.collectList()
			.map((found) -> {
				PurchaseAccount[] accounts = new PurchaseAccount[size];
				for (Found one : found) {
					accounts[one.ord()] = one.account();
				}
				return Arrays.asList(accounts);
			});
	}

	/**
	 * Writes the credits whose accounts did not move: true for each written, in order.
	 */
	Mono<List<Boolean>> creditAll(List<PurchaseCredit> credits) {
		Columns columns = new Columns(credits.size());
		for (int i = 0; i < credits.size(); i++) {
			columns.add(i, credits.get(i));
		}
		return columns.bindTo(this.db.sql(CREDIT_ALL))
			.map((row) -> row.get("ord", Integer.class))
			.all()
			.collectList()
			.map((written) -> {
				Boolean[] results = new Boolean[credits.size()];
				Arrays.fill(results, Boolean.FALSE);
				written.forEach((ord) -> results[ord] = Boolean.TRUE);
				return Arrays.asList(results);
			});
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record Found(int ord, PurchaseAccount account) {
	}

	/** The credits as one array per column, and their items flattened beside them. */
	private final class Columns {

		private final Integer[] ords;

		private final UUID[] customerIds;

		private final String[] versions;

		private final Long[] earned;

		private final UUID[] ids;

		private final UUID[] storeIds;

		private final String[] receiptNos;

		private final Long[] amounts;

		private final String[] currencies;

		private final String[] tiersAtPurchase;

		private final String[] tiersAfter;

		private final UUID[] cashierIds;

		private final OffsetDateTime[] recordedAts;

		private final UUID[] notificationIds;

		private final String[] notificationKinds;

		private final String[] payloadTexts;

		private final String[] notificationKeys;

		private final UUID[] entryIds;

		private final String[] entryKinds;

		private final String[] entryReasons;

		private final String[] sourceTypes;

		private final String[] sourceIds;

		private final OffsetDateTime[] expiresAts;

		private final UUID[] tierChangeIds;

		private final String[] fromTiers;

		private final String[] toTiers;

		private final Long[] netSpends;

		private final List<Integer> itemOrds = new ArrayList<>();

		private final List<Integer> lineNos = new ArrayList<>();

		private final List<@Nullable String> skus = new ArrayList<>();

		private final List<@Nullable String> names = new ArrayList<>();

		private final List<@Nullable String> categories = new ArrayList<>();

		private final List<Integer> quantities = new ArrayList<>();

		private final List<Long> prices = new ArrayList<>();

		Columns(int size) {
			this.ords = new Integer[size];
			this.customerIds = new UUID[size];
			this.versions = new String[size];
			this.earned = new Long[size];
			this.ids = new UUID[size];
			this.storeIds = new UUID[size];
			this.receiptNos = new String[size];
			this.amounts = new Long[size];
			this.currencies = new String[size];
			this.tiersAtPurchase = new String[size];
			this.tiersAfter = new String[size];
			this.cashierIds = new UUID[size];
			this.recordedAts = new OffsetDateTime[size];
			this.notificationIds = new UUID[size];
			this.notificationKinds = new String[size];
			this.payloadTexts = new String[size];
			this.notificationKeys = new String[size];
			this.entryIds = new UUID[size];
			this.entryKinds = new String[size];
			this.entryReasons = new String[size];
			this.sourceTypes = new String[size];
			this.sourceIds = new String[size];
			this.expiresAts = new OffsetDateTime[size];
			this.tierChangeIds = new UUID[size];
			this.fromTiers = new String[size];
			this.toTiers = new String[size];
			this.netSpends = new Long[size];
		}

		void add(int i, PurchaseCredit credit) {
			Purchase purchase = credit.purchase();
			this.ords[i] = i;
			this.customerIds[i] = purchase.customerId().value();
			this.versions[i] = credit.accountVersion();
			this.earned[i] = purchase.pointsEarned();
			this.ids[i] = purchase.id().value();
			this.storeIds[i] = purchase.storeId().value();
			this.receiptNos[i] = purchase.receiptNo();
			this.amounts[i] = purchase.amount().minorUnits();
			this.currencies[i] = purchase.amount().currency().getCurrencyCode();
			this.tiersAtPurchase[i] = purchase.tierAtPurchase();
			this.tiersAfter[i] = purchase.tierAfter();
			this.cashierIds[i] = (purchase.cashierId() != null) ? R2dbcPurchases.staff(purchase.cashierId()) : null;
			this.recordedAts[i] = utc(purchase.recordedAt());
			this.notificationIds[i] = UUID.randomUUID();
			this.notificationKinds[i] = credit.notification().payload().kind();
			this.payloadTexts[i] = PurchaseAccountGroups.this.payloads.json(credit.notification());
			this.notificationKeys[i] = credit.notification().idempotencyKey();
			// the ledger entry and the tier change name the purchase as their cause
			this.sourceTypes[i] = PURCHASE_SOURCE;
			this.sourceIds[i] = purchase.id().toString();
			LedgerEntry entry = credit.entry();
			if (entry != null) {
				this.entryIds[i] = entry.id();
				this.entryKinds[i] = entry.kind().name();
				this.entryReasons[i] = entry.reason();
				this.sourceTypes[i] = entry.sourceType();
				this.sourceIds[i] = entry.sourceId();
				Instant expiresAt = PurchaseAccountGroups.this.expiry.expiresAt(entry.delta(), entry.occurredAt());
				this.expiresAts[i] = (expiresAt != null) ? utc(expiresAt) : null;
			}
			TierChange tierChange = credit.tierChange();
			if (tierChange != null) {
				this.tierChangeIds[i] = UUID.randomUUID();
				this.fromTiers[i] = tierChange.from();
				this.toTiers[i] = tierChange.to();
				this.netSpends[i] = tierChange.netSpendMinor();
			}
			List<LineItem> items = purchase.items();
			for (int line = 0; line < items.size(); line++) {
				LineItem item = items.get(line);
				this.itemOrds.add(i);
				this.lineNos.add(line + 1);
				this.skus.add(item.sku());
				this.names.add(item.name());
				this.categories.add(item.category());
				this.quantities.add(item.quantity());
				this.prices.add(item.unitPriceMinor());
			}
		}

		DatabaseClient.GenericExecuteSpec bindTo(DatabaseClient.GenericExecuteSpec statement) {
			return statement.bind("ords", this.ords)
				.bind("customerIds", this.customerIds)
				.bind("versions", this.versions)
				.bind("earned", this.earned)
				.bind("ids", this.ids)
				.bind("storeIds", this.storeIds)
				.bind("receiptNos", this.receiptNos)
				.bind("amounts", this.amounts)
				.bind("currencies", this.currencies)
				.bind("tiersAtPurchase", this.tiersAtPurchase)
				.bind("tiersAfter", this.tiersAfter)
				.bind("cashierIds", this.cashierIds)
				.bind("recordedAts", this.recordedAts)
				.bind("notificationIds", this.notificationIds)
				.bind("notificationKinds", this.notificationKinds)
				.bind("payloads", this.payloadTexts)
				.bind("notificationKeys", this.notificationKeys)
				.bind("entryIds", this.entryIds)
				.bind("entryKinds", this.entryKinds)
				.bind("entryReasons", this.entryReasons)
				.bind("sourceTypes", this.sourceTypes)
				.bind("sourceIds", this.sourceIds)
				.bind("expiresAts", this.expiresAts)
				.bind("tierChangeIds", this.tierChangeIds)
				.bind("fromTiers", this.fromTiers)
				.bind("toTiers", this.toTiers)
				.bind("netSpends", this.netSpends)
				.bind("itemOrds", this.itemOrds.toArray(Integer[]::new))
				.bind("lineNos", this.lineNos.toArray(Integer[]::new))
				.bind("skus", this.skus.toArray(String[]::new))
				.bind("names", this.names.toArray(String[]::new))
				.bind("categories", this.categories.toArray(String[]::new))
				.bind("quantities", this.quantities.toArray(Integer[]::new))
				.bind("prices", this.prices.toArray(Long[]::new));
		}

	}

}
