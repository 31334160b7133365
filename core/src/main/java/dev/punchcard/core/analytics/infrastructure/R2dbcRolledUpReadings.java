package dev.punchcard.core.analytics.infrastructure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.punchcard.core.analytics.application.Reports.CategoryRank;
import dev.punchcard.core.analytics.application.Reports.PointsMovements;
import dev.punchcard.core.analytics.application.Reports.PointsPeriod;
import dev.punchcard.core.analytics.application.Reports.ProductRank;
import dev.punchcard.core.analytics.application.Reports.ProductsReport;
import dev.punchcard.core.analytics.application.Reports.SalesPeriod;
import dev.punchcard.core.analytics.application.Reports.SalesReport;
import dev.punchcard.core.analytics.application.Reports.StoreSales;
import dev.punchcard.core.analytics.domain.AnalyticsQuery;
import dev.punchcard.core.analytics.infrastructure.Statements.Marked;
import dev.punchcard.core.shared.domain.StoreId;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The readings over rollups: sales, products and points, each one statement that adds the
 * rolled-up buckets of the range to the raw rows inserted after the watermark (and, for
 * products, monthly rows for the whole UTC months, daily rows for the other whole UTC
 * days and the raw rows of the range's ends that do not fill a UTC day). Zones with
 * offsets that are not whole hours read sales and points from the raw rows alone.
 */
class R2dbcRolledUpReadings {

	private static final String SALES = """
			WITH rows AS (
			  SELECT s.hour AS at, s.store_id, s.purchases, s.revenue_minor, s.refunds, s.refunded_minor
			  FROM analytics_sales_hourly s
			  WHERE {rollups} s.hour >= :start AND s.hour < :end {store:s}
			  UNION ALL
			  SELECT p.recorded_at, p.store_id, 1, p.amount_minor, 0, 0
			  FROM purchases p
			  WHERE p.created_at > :mark AND p.recorded_at >= :start AND p.recorded_at < :end {store:p}
			  UNION ALL
			  SELECT r.refunded_at, p.store_id, 0, 0, 1, r.amount_minor
			  FROM refunds r JOIN purchases p ON p.id = r.purchase_id
			  WHERE r.created_at > :mark AND r.refunded_at >= :start AND r.refunded_at < :end {store:p}),
			buckets AS (
			  SELECT date_trunc(CAST(:grain AS text), at AT TIME ZONE CAST(:zone AS text))::date AS bucket, store_id,
			         sum(purchases)::bigint AS purchases, sum(revenue_minor)::bigint AS revenue_minor,
			         sum(refunds)::bigint AS refunds, sum(refunded_minor)::bigint AS refunded_minor
			  FROM rows GROUP BY 1, 2)
			SELECT b.*, st.code, st.name, %s
			FROM buckets b JOIN stores st ON st.id = b.store_id
			""".formatted(Statements.MARK_NOW);

	private static final String PRODUCTS = """
			WITH lines AS (
			  SELECT d.sku, d.category, d.name, d.quantity, d.revenue_minor
			  FROM {items} d
			  WHERE ((d.day >= :firstDay AND d.day < :monthsStart) OR (d.day >= :monthsEnd AND d.day < :endDay))
			    {store:d}
			  UNION ALL
			  SELECT m.sku, m.category, m.name, m.quantity, m.revenue_minor
			  FROM {months} m
			  WHERE m.month >= :monthsStart AND m.month < :monthsEnd {store:m}
			  UNION ALL
			  SELECT i.sku, coalesce(i.category, ''), i.name, i.quantity::bigint, i.quantity * i.unit_price_minor
			  FROM purchases p JOIN purchase_items i ON i.purchase_id = p.id
			  WHERE ((p.recorded_at >= :start AND p.recorded_at < :middleStart)
			      OR (p.recorded_at >= :middleEnd AND p.recorded_at < :end)) {store:p}
			  UNION ALL
			  SELECT i.sku, coalesce(i.category, ''), i.name, i.quantity::bigint, i.quantity * i.unit_price_minor
			  FROM purchases p JOIN purchase_items i ON i.purchase_id = p.id
			  WHERE p.created_at > :mark AND p.recorded_at >= :middleStart AND p.recorded_at < :middleEnd {store:p}),
			products AS (
			  SELECT sku, category, max(name) AS name, sum(quantity)::bigint AS quantity,
			         sum(revenue_minor)::bigint AS revenue_minor
			  FROM lines GROUP BY sku, category),
			categories AS (
			  SELECT category, sum(quantity)::bigint AS quantity, sum(revenue_minor)::bigint AS revenue_minor
			  FROM products GROUP BY category),
			ranked AS (
			  (SELECT 'PR' AS list, sku, name, category, quantity, revenue_minor FROM products
			   ORDER BY revenue_minor DESC, sku, category LIMIT :top)
			  UNION ALL
			  (SELECT 'PQ', sku, name, category, quantity, revenue_minor FROM products
			   ORDER BY quantity DESC, sku, category LIMIT :top)
			  UNION ALL
			  (SELECT 'CR', NULL, NULL, category, quantity, revenue_minor FROM categories
			   ORDER BY revenue_minor DESC, category LIMIT :top)
			  UNION ALL
			  (SELECT 'CQ', NULL, NULL, category, quantity, revenue_minor FROM categories
			   ORDER BY quantity DESC, category LIMIT :top))
			SELECT r.*, %s FROM ranked r
			""".formatted(Statements.MARK_NOW);

	private static final String POINTS = """
			WITH rows AS (
			  SELECT h.hour AS at, h.kind, h.points
			  FROM {points} h
			  WHERE {rollups} h.hour >= :start AND h.hour < :end {store:h}
			  UNION ALL
			  SELECT e.occurred_at, e.kind, e.delta
			  FROM points_ledger_entries e JOIN customers c ON c.id = e.customer_id
			  WHERE e.created_at > :mark AND e.occurred_at >= :start AND e.occurred_at < :end {home:c})
			SELECT date_trunc(CAST(:grain AS text), at AT TIME ZONE CAST(:zone AS text))::date AS bucket,
			       coalesce(sum(points) FILTER (WHERE kind IN ('EARN', 'BONUS')), 0)::bigint AS issued,
			       coalesce(-sum(points) FILTER (WHERE kind = 'REDEEM'), 0)::bigint AS redeemed,
			       coalesce(-sum(points) FILTER (WHERE kind = 'EXPIRE'), 0)::bigint AS expired,
			       coalesce(-sum(points) FILTER (WHERE kind = 'REVERSAL'), 0)::bigint AS reversed,
			       coalesce(sum(points) FILTER (WHERE kind = 'ADJUST'), 0)::bigint AS adjusted, %s
			FROM rows GROUP BY 1 ORDER BY 1
			""".formatted(Statements.MARK_NOW);

	private final Statements statements;

	R2dbcRolledUpReadings(Statements statements) {
		this.statements = statements;
	}

	Mono<SalesReport> sales(AnalyticsQuery query) {
		RollupCut cut = RollupCut.of(query);
		String sql = SALES.replace("{rollups}", cut.hourly() ? "" : "false AND");
		return this.statements
			.atMark(cut.hourly(),
					(mark) -> this.statements.sql(sql, query)
						.bind("mark", mark)
						.map((row) -> new Marked<>(bucket(row), mark(row)))
						.all())
			.map(R2dbcRolledUpReadings::sales);
	}

	Mono<ProductsReport> products(AnalyticsQuery query, int top) {
		RollupCut cut = RollupCut.of(query);
		String sql = PRODUCTS
			.replace("{items}", (query.store() != null) ? "analytics_items_daily" : "analytics_items_daily_all")
			.replace("{months}", (query.store() != null) ? "analytics_items_monthly" : "analytics_items_monthly_all");
		return this.statements
			.atMark(true,
					(mark) -> this.statements.sql(sql, query)
						.bind("mark", mark)
						.bind("firstDay", cut.middleFirstDay())
						.bind("endDay", cut.middleEndDay())
						.bind("monthsStart", cut.monthsStart())
						.bind("monthsEnd", cut.monthsEnd())
						.bind("middleStart", RollupCut.utc(cut.middleStart()))
						.bind("middleEnd", RollupCut.utc(cut.middleEnd()))
						.bind("top", top)
						.map((row) -> new Marked<>(ranked(row), mark(row)))
						.all())
			.map(R2dbcRolledUpReadings::products);
	}

	Flux<PointsPeriod> points(AnalyticsQuery query) {
		RollupCut cut = RollupCut.of(query);
		String sql = POINTS.replace("{rollups}", cut.hourly() ? "" : "false AND")
			.replace("{points}", (query.store() != null) ? "analytics_points_hourly" : "analytics_points_hourly_all");
		return this.statements
			.atMark(cut.hourly(),
					(mark) -> this.statements.sql(sql, query)
						.bind("mark", mark)
						.map((row) -> new Marked<>(pointsPeriod(row), mark(row)))
						.all())
			.flatMapIterable((periods) -> periods);
	}

	private static OffsetDateTime mark(Readable row) {
		return row.get("mark_now", OffsetDateTime.class);
	}

	private record Bucket(LocalDate start, StoreSales sales) {
	}

	private static Bucket bucket(Readable row) {
		return new Bucket(row.get("bucket", LocalDate.class),
				new StoreSales(new StoreId(row.get("store_id", UUID.class)), row.get("code", String.class),
						row.get("name", String.class), row.get("purchases", Long.class),
						row.get("revenue_minor", Long.class), row.get("refunds", Long.class),
						row.get("refunded_minor", Long.class)));
	}

	private static SalesReport sales(List<Bucket> buckets) {
		Map<LocalDate, StoreSales> periods = new TreeMap<>();
		Map<StoreId, StoreSales> stores = new LinkedHashMap<>();
		for (Bucket bucket : buckets) {
			periods.merge(bucket.start(), bucket.sales(), R2dbcRolledUpReadings::add);
			stores.merge(bucket.sales().store(), bucket.sales(), R2dbcRolledUpReadings::add);
		}
		StoreSales total = stores.values().stream().reduce(null, (a, b) -> (a == null) ? b : add(a, b));
		List<StoreSales> byStore = new ArrayList<>(stores.values());
		byStore.sort((a, b) -> a.code().compareTo(b.code()));
		List<SalesPeriod> series = periods.entrySet()
			.stream()
			.map((entry) -> new SalesPeriod(entry.getKey(), entry.getValue().purchases(),
					entry.getValue().revenueMinor(), entry.getValue().refunds(), entry.getValue().refundedMinor()))
			.toList();
		if (total == null) {
			return new SalesReport(0, 0, 0, 0, 0, 0, series, byStore);
		}
		long average = (total.purchases() == 0) ? 0 : total.revenueMinor() / total.purchases();
		return new SalesReport(total.purchases(), total.revenueMinor(), average, total.refunds(), total.refundedMinor(),
				total.revenueMinor() - total.refundedMinor(), series, byStore);
	}

	private static StoreSales add(StoreSales a, StoreSales b) {
		return new StoreSales(a.store(), a.code(), a.name(), a.purchases() + b.purchases(),
				a.revenueMinor() + b.revenueMinor(), a.refunds() + b.refunds(), a.refundedMinor() + b.refundedMinor());
	}

	private record Ranked(String list, ProductRank product) {
	}

	private static Ranked ranked(Readable row) {
		String category = row.get("category", String.class);
		return new Ranked(row.get("list", String.class),
				new ProductRank((row.get("sku", String.class) == null) ? "" : row.get("sku", String.class),
						row.get("name", String.class), (category == null || category.isEmpty()) ? null : category,
						row.get("quantity", Long.class), row.get("revenue_minor", Long.class)));
	}

	private static ProductsReport products(List<Ranked> rows) {
		return new ProductsReport(list(rows, "PR"), list(rows, "PQ"), categories(rows, "CR"), categories(rows, "CQ"));
	}

	private static List<ProductRank> list(List<Ranked> rows, String list) {
		return rows.stream().filter((row) -> row.list().equals(list)).map(Ranked::product).toList();
	}

	private static List<CategoryRank> categories(List<Ranked> rows, String list) {
		return list(rows, list).stream()
			.map((rank) -> new CategoryRank(rank.category(), rank.quantity(), rank.revenueMinor()))
			.toList();
	}

	private static PointsPeriod pointsPeriod(Readable row) {
		return new PointsPeriod(row.get("bucket", LocalDate.class),
				new PointsMovements(row.get("issued", Long.class), row.get("redeemed", Long.class),
						row.get("expired", Long.class), row.get("reversed", Long.class),
						row.get("adjusted", Long.class)));
	}

}
