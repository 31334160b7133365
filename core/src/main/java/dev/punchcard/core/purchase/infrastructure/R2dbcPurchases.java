package dev.punchcard.core.purchase.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.punchcard.core.purchase.application.PurchaseLine;
import dev.punchcard.core.purchase.application.Purchases;
import dev.punchcard.core.purchase.domain.LineItem;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.purchase.domain.Refund;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Money;
import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.shared.domain.StoreId;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class R2dbcPurchases implements Purchases {

	private static final String COLUMNS = "id, customer_id, store_id, receipt_no, amount_minor, currency, "
			+ "points_earned, tier_at_purchase, refunded_minor, points_reversed, balance_after, tier_after, "
			+ "cashier_id, recorded_at";

	private static final String INSERT = """
			INSERT INTO purchases (id, customer_id, store_id, receipt_no, amount_minor, currency, points_earned,
			                       tier_at_purchase, balance_after, tier_after, cashier_id, recorded_at)
			VALUES (:id, :customerId, :storeId, :receiptNo, :amountMinor, :currency, :pointsEarned,
			        :tierAtPurchase, :balanceAfter, :tierAfter, :cashierId, :recordedAt)
			ON CONFLICT ON CONSTRAINT purchases_store_receipt_key DO NOTHING
			""";

	private static final String INSERT_ITEMS = """
			INSERT INTO purchase_items (purchase_id, line_no, sku, name, category, quantity, unit_price_minor)
			SELECT :purchaseId, line_no, sku, name, category, quantity, unit_price_minor
			FROM unnest(:lineNos::int[], :skus::text[], :names::text[], :categories::text[], :quantities::int[],
			            :prices::bigint[]) AS t(line_no, sku, name, category, quantity, unit_price_minor)
			""";

	/**
	 * The purchases as arrays, one element each, and their items as arrays naming their
	 * purchase; the items of a purchase not inserted (receipt known, or repeated in the
	 * list) are not inserted either.
	 */
	private static final String INSERT_ALL = """
			WITH inserted AS (
			    INSERT INTO purchases (id, customer_id, store_id, receipt_no, amount_minor, currency, points_earned,
			                           tier_at_purchase, balance_after, tier_after, cashier_id, recorded_at)
			    SELECT t.id::uuid, t.customer_id::uuid, t.store_id::uuid, t.receipt_no, t.amount_minor, t.currency,
			           t.points_earned, t.tier_at_purchase, t.balance_after, t.tier_after, t.cashier_id::uuid,
			           t.recorded_at::timestamptz
			    FROM unnest(:ids::text[], :customerIds::text[], :storeIds::text[], :receiptNos::text[],
			                :amounts::bigint[], :currencies::text[], :points::bigint[], :tiersAtPurchase::text[],
			                :balances::bigint[], :tiersAfter::text[], :cashierIds::text[], :recordedAts::text[])
			        AS t(id, customer_id, store_id, receipt_no, amount_minor, currency, points_earned,
			             tier_at_purchase, balance_after, tier_after, cashier_id, recorded_at)
			    ON CONFLICT ON CONSTRAINT purchases_store_receipt_key DO NOTHING
			    RETURNING id
			), items AS (
			    INSERT INTO purchase_items (purchase_id, line_no, sku, name, category, quantity, unit_price_minor)
			    SELECT i.purchase_id::uuid, i.line_no, i.sku, i.name, i.category, i.quantity, i.unit_price_minor
			    FROM unnest(:itemPurchaseIds::text[], :lineNos::int[], :skus::text[], :names::text[],
			                :categories::text[], :quantities::int[], :prices::bigint[])
			        AS i(purchase_id, line_no, sku, name, category, quantity, unit_price_minor)
			    JOIN inserted ON inserted.id = i.purchase_id::uuid
			)
			SELECT id FROM inserted
			""";

	private static final String REFUND_COLUMNS = "id, purchase_id, refund_no, amount_minor, points_reversed, "
			+ "balance_after, tier_after, cashier_id, refunded_at";

	private final DatabaseClient db;

	R2dbcPurchases(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Purchase> insertIfAbsent(Purchase purchase) {
		return this.db.sql(INSERT)
			.bind("id", purchase.id().value())
			.bind("customerId", purchase.customerId().value())
			.bind("storeId", purchase.storeId().value())
			.bind("receiptNo", purchase.receiptNo())
			.bind("amountMinor", purchase.amount().minorUnits())
			.bind("currency", purchase.amount().currency().getCurrencyCode())
			.bind("pointsEarned", purchase.pointsEarned())
			.bind("tierAtPurchase", purchase.tierAtPurchase())
			.bind("balanceAfter", purchase.balanceAfter())
			.bind("tierAfter", purchase.tierAfter())
			.bind("cashierId", Parameter.fromOrEmpty(staff(purchase.cashierId()), UUID.class))
			.bind("recordedAt", purchase.recordedAt().atOffset(ZoneOffset.UTC))
			.fetch()
			.rowsUpdated()
			.filter((inserted) -> inserted == 1L)
			.flatMap((inserted) -> insertItems(purchase).thenReturn(purchase));
	}

	private Mono<Void> insertItems(Purchase purchase) {
		List<LineItem> items = purchase.items();
		if (items.isEmpty()) {
			return Mono.empty();
		}
		return this.db.sql(INSERT_ITEMS)
			.bind("purchaseId", purchase.id().value())
			.bindValues(itemColumns(items))
			.then();
	}

	/**
	 * The items as the arrays that {@code unnest(:lineNos, :skus, :names, :categories,
	 * :quantities, :prices)} turns into rows, numbered from 1.
	 */
	static Map<String, Object> itemColumns(List<LineItem> items) {
		Integer[] lineNos = new Integer[items.size()];
		Integer[] quantities = new Integer[items.size()];
		Long[] prices = new Long[items.size()];
		for (int i = 0; i < items.size(); i++) {
			lineNos[i] = i + 1;
			quantities[i] = items.get(i).quantity();
			prices[i] = items.get(i).unitPriceMinor();
		}
		Map<String, Object> columns = new HashMap<>(8);
		columns.put("lineNos", lineNos);
		columns.put("skus", items.stream().map(LineItem::sku).toArray(String[]::new));
		columns.put("names", items.stream().map(LineItem::name).toArray(String[]::new));
		columns.put("categories", items.stream().map(LineItem::category).toArray(String[]::new));
		columns.put("quantities", quantities);
		columns.put("prices", prices);
		return columns;
	}

	@Override
	public Flux<PurchaseId> insertAllIfAbsent(List<Purchase> purchases) {
		if (purchases.isEmpty()) {
			return Flux.empty();
		}
		int n = purchases.size();
		String[] ids = new String[n];
		String[] customerIds = new String[n];
		String[] storeIds = new String[n];
		String[] receiptNos = new String[n];
		Long[] amounts = new Long[n];
		String[] currencies = new String[n];
		Long[] points = new Long[n];
		String[] tiersAtPurchase = new String[n];
		Long[] balances = new Long[n];
		String[] tiersAfter = new String[n];
		String[] cashierIds = new String[n];
		String[] recordedAts = new String[n];
		List<String> itemPurchaseIds = new ArrayList<>();
		List<LineItem> items = new ArrayList<>();
		List<Integer> lineNos = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Purchase purchase = purchases.get(i);
			ids[i] = purchase.id().value().toString();
			customerIds[i] = purchase.customerId().value().toString();
			storeIds[i] = purchase.storeId().value().toString();
			receiptNos[i] = purchase.receiptNo();
			amounts[i] = purchase.amount().minorUnits();
			currencies[i] = purchase.amount().currency().getCurrencyCode();
			points[i] = purchase.pointsEarned();
			tiersAtPurchase[i] = purchase.tierAtPurchase();
			balances[i] = purchase.balanceAfter();
			tiersAfter[i] = purchase.tierAfter();
			cashierIds[i] = (purchase.cashierId() == null) ? null : purchase.cashierId().value().toString();
			recordedAts[i] = purchase.recordedAt().toString();
			for (int line = 0; line < purchase.items().size(); line++) {
				itemPurchaseIds.add(ids[i]);
				items.add(purchase.items().get(line));
				lineNos.add(line + 1);
			}
		}
		Map<String, Object> values = new HashMap<>(32);
		values.put("ids", ids);
		values.put("customerIds", customerIds);
		values.put("storeIds", storeIds);
		values.put("receiptNos", receiptNos);
		values.put("amounts", amounts);
		values.put("currencies", currencies);
		values.put("points", points);
		values.put("tiersAtPurchase", tiersAtPurchase);
		values.put("balances", balances);
		values.put("tiersAfter", tiersAfter);
		values.put("cashierIds", cashierIds);
		values.put("recordedAts", recordedAts);
		values.put("itemPurchaseIds", itemPurchaseIds.toArray(String[]::new));
		values.putAll(itemColumns(items));
		values.put("lineNos", lineNos.toArray(Integer[]::new));
		return this.db.sql(INSERT_ALL).bindValues(values).map((row) -> new PurchaseId(row.get("id", UUID.class))).all();
	}

	@Override
	public Flux<Purchase> findByReceipts(List<StoreId> storeIds, List<String> receiptNos) {
		if (storeIds.isEmpty()) {
			return Flux.empty();
		}
		return this.db
			.sql("SELECT " + COLUMNS
					+ """
							 FROM purchases
							WHERE (store_id, receipt_no) IN (SELECT s::uuid, r FROM unnest(:storeIds::text[], :receiptNos::text[]) AS t(s, r))
							""")
			.bind("storeIds", storeIds.stream().map((id) -> id.value().toString()).toArray(String[]::new))
			.bind("receiptNos", receiptNos.toArray(String[]::new))
			.map(R2dbcPurchases::purchase)
			.all();
	}

	@Override
	public Mono<Purchase> findByReceipt(StoreId storeId, String receiptNo) {
		return this.db
			.sql("SELECT " + COLUMNS + " FROM purchases WHERE store_id = :storeId AND receipt_no = :receiptNo")
			.bind("storeId", storeId.value())
			.bind("receiptNo", receiptNo)
			.map(R2dbcPurchases::purchase)
			.one();
	}

	@Override
	public Mono<Purchase> findById(PurchaseId id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM purchases WHERE id = :id")
			.bind("id", id.value())
			.map(R2dbcPurchases::purchase)
			.one();
	}

	@Override
	public Flux<PurchaseLine> historyOf(CustomerId customerId, int page, int size) {
		return this.db.sql("""
				SELECT p.id, s.name AS store_name, p.recorded_at, p.amount_minor, p.currency, p.points_earned,
				       p.refunded_minor
				FROM purchases p JOIN stores s ON s.id = p.store_id
				WHERE p.customer_id = :customerId
				ORDER BY p.recorded_at DESC, p.id LIMIT :size OFFSET :offset
				""")
			.bind("customerId", customerId.value())
			.bind("size", size)
			.bind("offset", (long) page * size)
			.map((row) -> new PurchaseLine(new PurchaseId(row.get("id", UUID.class)),
					row.get("store_name", String.class), row.get("recorded_at", OffsetDateTime.class).toInstant(),
					row.get("amount_minor", Long.class), row.get("currency", String.class).strip(),
					row.get("points_earned", Long.class), row.get("refunded_minor", Long.class)))
			.all();
	}

	@Override
	public Mono<Long> countOf(CustomerId customerId) {
		return this.db.sql("SELECT count(*) FROM purchases WHERE customer_id = :customerId")
			.bind("customerId", customerId.value())
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	@Override
	public Mono<Long> netSpendSince(CustomerId customerId, Instant since) {
		return this.db.sql("""
				SELECT COALESCE(SUM(amount_minor - refunded_minor), 0)::bigint FROM purchases
				WHERE customer_id = :customerId AND recorded_at > :since
				""")
			.bind("customerId", customerId.value())
			.bind("since", since.atOffset(ZoneOffset.UTC))
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	@Override
	public Mono<Boolean> addRefunded(PurchaseId id, long amountMinor, long points) {
		return this.db
			.sql("""
					UPDATE purchases SET refunded_minor = refunded_minor + :amount, points_reversed = points_reversed + :points
					WHERE id = :id AND refunded_minor + :amount <= amount_minor
					""")
			.bind("amount", amountMinor)
			.bind("points", points)
			.bind("id", id.value())
			.fetch()
			.rowsUpdated()
			.map((updated) -> updated == 1L);
	}

	@Override
	public Mono<Refund> insertRefundIfAbsent(Refund refund) {
		return this.db.sql("""
				INSERT INTO refunds (id, purchase_id, refund_no, amount_minor, points_reversed, balance_after,
				                     tier_after, cashier_id, refunded_at)
				VALUES (:id, :purchaseId, :refundNo, :amount, :points, :balanceAfter, :tierAfter, :cashierId, :at)
				ON CONFLICT ON CONSTRAINT refunds_purchase_refund_no_key DO NOTHING
				""")
			.bind("id", refund.id())
			.bind("purchaseId", refund.purchaseId().value())
			.bind("refundNo", refund.refundNo())
			.bind("amount", refund.amountMinor())
			.bind("points", refund.pointsReversed())
			.bind("balanceAfter", refund.balanceAfter())
			.bind("tierAfter", refund.tierAfter())
			.bind("cashierId", Parameter.fromOrEmpty(staff(refund.cashierId()), UUID.class))
			.bind("at", refund.refundedAt().atOffset(ZoneOffset.UTC))
			.fetch()
			.rowsUpdated()
			.filter((inserted) -> inserted == 1L)
			.map((inserted) -> refund);
	}

	@Override
	public Mono<Refund> findRefund(PurchaseId purchaseId, String refundNo) {
		return this.db
			.sql("SELECT " + REFUND_COLUMNS + " FROM refunds WHERE purchase_id = :purchaseId AND refund_no = :refundNo")
			.bind("purchaseId", purchaseId.value())
			.bind("refundNo", refundNo)
			.map((row) -> new Refund(row.get("id", UUID.class), new PurchaseId(row.get("purchase_id", UUID.class)),
					row.get("refund_no", String.class), row.get("amount_minor", Long.class),
					row.get("points_reversed", Long.class), row.get("balance_after", Long.class),
					row.get("tier_after", String.class), staffId(row.get("cashier_id", UUID.class)),
					row.get("refunded_at", OffsetDateTime.class).toInstant()))
			.one();
	}

	private static Purchase purchase(Readable row) {
		return purchaseNamed(row, "");
	}

	/** The purchase in a row whose purchase columns are named with the prefix. */
	static Purchase purchaseNamed(Readable row, String prefix) {
		return new Purchase(new PurchaseId(row.get(prefix + "id", UUID.class)),
				new CustomerId(row.get(prefix + "customer_id", UUID.class)),
				new StoreId(row.get(prefix + "store_id", UUID.class)), row.get(prefix + "receipt_no", String.class),
				new Money(row.get(prefix + "amount_minor", Long.class),
						Currency.getInstance(row.get(prefix + "currency", String.class))),
				row.get(prefix + "points_earned", Long.class), row.get(prefix + "tier_at_purchase", String.class),
				row.get(prefix + "refunded_minor", Long.class), row.get(prefix + "points_reversed", Long.class),
				row.get(prefix + "balance_after", Long.class), row.get(prefix + "tier_after", String.class),
				staffId(row.get(prefix + "cashier_id", UUID.class)),
				row.get(prefix + "recorded_at", OffsetDateTime.class).toInstant(), List.of());
	}

	static UUID staff(StaffId id) {
		return id == null ? null : id.value();
	}

	private static StaffId staffId(UUID id) {
		return id == null ? null : new StaffId(id);
	}

}
