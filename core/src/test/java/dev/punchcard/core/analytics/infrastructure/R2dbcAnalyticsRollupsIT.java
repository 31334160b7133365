package dev.punchcard.core.analytics.infrastructure;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.punchcard.core.analytics.application.RollupRun;
import dev.punchcard.core.analytics.application.Reports.SalesReport;
import dev.punchcard.core.analytics.domain.AnalyticsQuery;
import dev.punchcard.core.analytics.domain.Grain;
import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollups answer what the raw rows answer: the same reports read once over rollups
 * plus the rows inserted after the watermark, and once over the raw rows alone (rollups
 * emptied, watermark back at the epoch), for ranges in UTC, in a zone whose range crosses
 * a daylight saving change, and in zones off the whole hour; purchases include historical
 * ones (recorded long before they were inserted), refunds and line items. Two instances
 * rolling up at once count every row once.
 */
class R2dbcAnalyticsRollupsIT {

	private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
			"America/St_Johns");

	private DatabaseClient db;

	private R2dbcAnalyticsReadings readings;

	private R2dbcAnalyticsRollups rollups;

	private StoreId north;

	private StoreId south;

	@BeforeEach
	void aFreshDatabase() {
		this.db = TestDatabases.forModule("analytics").client();
		this.db
			.sql("""
					TRUNCATE analytics_sales_hourly, analytics_items_daily, analytics_items_daily_all, analytics_points_hourly, analytics_points_hourly_all, purchase_items, refunds,
					  points_ledger_entries, points_balances, purchases, customers, stores CASCADE
					""")
			.then()
			.block();
		this.db.sql("UPDATE analytics_rollup_state SET rolled_up_to = 'epoch'").then().block();
		this.readings = new R2dbcAnalyticsReadings(this.db);
		this.rollups = new R2dbcAnalyticsRollups(this.db, Duration.ZERO);
		this.north = store("NORTH");
		this.south = store("SOUTH");
		members(40);
	}

	@Test
	void should_answer_as_the_raw_rows_do_when_rows_arrive_before_and_after_a_rollup() {
		purchases(0, 300, "2026-03-01T00:00:00Z");
		historicalPurchases(300, 60, "2025-12-20T00:00:00Z");
		refunds(7);
		assertThat(this.rollups.rollUp().block().purchases()).isEqualTo(360);
		purchases(1000, 120, "2026-03-20T05:30:00Z");
		refunds(5);
		ledger(5000, 200, "2026-03-10T00:00:00Z");

		List<Object> rolledUp = reports();
		assertThat(this.db.sql("SELECT count(*) FROM analytics_sales_hourly")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isPositive();
		backToRawRows();
		assertThat(reports()).isEqualTo(rolledUp);

		assertThat(this.rollups.rollUp().block().purchases()).isEqualTo(480);
		assertThat(reports()).as("everything rolled up").isEqualTo(rolledUp);
		assertThat(this.rollups.rollUp().block().purchases()).as("nothing left").isZero();
		assertThat(reports()).as("a second run adds nothing").isEqualTo(rolledUp);
	}

	@Test
	void should_total_what_the_purchases_and_refunds_say_when_rolled_up() {
		purchases(0, 400, "2026-03-15T00:00:00Z");
		refunds(9);
		this.rollups.rollUp().block();

		for (String zone : ZONES) {
			AnalyticsQuery query = new AnalyticsQuery(LocalDate.parse("2026-03-20"), LocalDate.parse("2026-04-10"),
					ZoneId.of(zone), null, Grain.DAY);
			SalesReport sales = this.readings.sales(query).block();
			long[] expected = rawTotals(query);
			assertThat(new long[] { sales.purchases(), sales.revenueMinor(), sales.refunds(), sales.refundedMinor() })
				.as(zone)
				.containsExactly(expected);
			assertThat(sales.periods().stream().mapToLong((period) -> period.purchases()).sum()).isEqualTo(expected[0]);
		}
	}

	@Test
	void should_count_every_row_once_when_two_instances_roll_up_at_once() {
		purchases(0, 500, "2026-03-01T00:00:00Z");
		refunds(11);
		List<Object> raw = reports();

		List<RollupRun> runs = Flux.merge(this.rollups.rollUp(), this.rollups.rollUp(), this.rollups.rollUp())
			.collectList()
			.block();
		this.rollups.rollUp().block();

		assertThat(runs).isNotEmpty();
		assertThat(this.db.sql("SELECT coalesce(sum(purchases), 0) FROM analytics_sales_hourly")
			.map((row) -> row.get(0, Number.class).longValue())
			.one()
			.block()).isEqualTo(500);
		assertThat(reports()).isEqualTo(raw);
	}

	private List<Object> reports() {
		List<Object> all = new java.util.ArrayList<>();
		for (String zone : ZONES) {
			for (StoreId store : new StoreId[] { null, this.north }) {
				for (Grain grain : Grain.values()) {
					AnalyticsQuery query = new AnalyticsQuery(LocalDate.parse("2026-03-01"),
							LocalDate.parse("2026-04-15"), ZoneId.of(zone), store, grain);
					all.add(this.readings.sales(query).block());
					all.add(this.readings.products(query, 5).block());
					all.add(this.readings.pointsMoved(query).collectList().block());
				}
				AnalyticsQuery longRange = new AnalyticsQuery(LocalDate.parse("2025-12-01"),
						LocalDate.parse("2026-04-30"), ZoneId.of(zone), store, Grain.WEEK);
				all.add(this.readings.sales(longRange).block());
				all.add(this.readings.products(longRange, 5).block());
				AnalyticsQuery oneDay = new AnalyticsQuery(LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-29"),
						ZoneId.of(zone), store, Grain.DAY);
				all.add(this.readings.sales(oneDay).block());
				all.add(this.readings.products(oneDay, 5).block());
			}
		}
		return all;
	}

	private long[] rawTotals(AnalyticsQuery query) {
		OffsetDateTime start = query.start().atOffset(ZoneOffset.UTC);
		OffsetDateTime end = query.end().atOffset(ZoneOffset.UTC);
		return this.db
			.sql("""
					SELECT (SELECT count(*) FROM purchases WHERE recorded_at >= :start AND recorded_at < :end) AS n,
					       (SELECT coalesce(sum(amount_minor), 0) FROM purchases WHERE recorded_at >= :start AND recorded_at < :end) AS revenue,
					       (SELECT count(*) FROM refunds WHERE refunded_at >= :start AND refunded_at < :end) AS refunds,
					       (SELECT coalesce(sum(amount_minor), 0) FROM refunds WHERE refunded_at >= :start AND refunded_at < :end) AS refunded
					""")
			.bind("start", start)
			.bind("end", end)
			.map((row) -> new long[] { row.get("n", Number.class).longValue(),
					row.get("revenue", Number.class).longValue(), row.get("refunds", Number.class).longValue(),
					row.get("refunded", Number.class).longValue() })
			.one()
			.block();
	}

	private void backToRawRows() {
		this.db.sql(
				"TRUNCATE analytics_sales_hourly, analytics_items_daily, analytics_items_daily_all, analytics_points_hourly, analytics_points_hourly_all")
			.then()
			.block();
		this.db.sql("UPDATE analytics_rollup_state SET rolled_up_to = 'epoch'").then().block();
	}

	private StoreId store(String code) {
		StoreId id = new StoreId(UUID.randomUUID());
		this.db.sql("INSERT INTO stores (id, code, name) VALUES (:id, :code, :code)")
			.bind("id", id.value())
			.bind("code", code)
			.then()
			.block();
		return id;
	}

	private void members(int count) {
		this.db
			.sql("""
					INSERT INTO customers (id, name, referral_code, card_number, home_store_id)
					SELECT gen_random_uuid(), 'M' || n, 'AR' || n, 900000 + n, CASE WHEN n % 2 = 0 THEN :north ELSE :south END
					FROM generate_series(1, :count) n
					""")
			.bind("north", this.north.value())
			.bind("south", this.south.value())
			.bind("count", count)
			.then()
			.block();
	}

	/**
	 * Purchases every 2 h 17 min from {@code from}, alternating stores, with 1–3 lines
	 * each.
	 */
	private void purchases(int first, int count, String from) {
		this.db.sql("""
				WITH m AS (SELECT id, row_number() OVER (ORDER BY card_number) AS k FROM customers),
				p AS (
				  INSERT INTO purchases (id, customer_id, store_id, receipt_no, amount_minor, currency, points_earned,
				                         tier_at_purchase, balance_after, tier_after, recorded_at)
				  SELECT gen_random_uuid(), m.id, CASE WHEN n % 3 = 0 THEN :north ELSE :south END, 'A' || n,
				         100 + (n * 37) % 900, 'EUR', n % 20, 'BRONZE', 0, 'BRONZE',
				         CAST(:from AS timestamptz) + (n - :first) * interval '2 hours 17 minutes'
				  FROM generate_series(:first, :first + :count - 1) n JOIN m ON m.k = 1 + n % 40
				  RETURNING id, receipt_no)
				INSERT INTO purchase_items (purchase_id, line_no, sku, name, category, quantity, unit_price_minor)
				SELECT p.id, l, 'SKU' || ((substr(p.receipt_no, 2)::int + l) % 7), 'Item',
				       CASE WHEN l = 3 THEN NULL ELSE 'C' || (substr(p.receipt_no, 2)::int % 3) END, l, 50 + l * 10
				FROM p, generate_series(1, 1 + substr(p.receipt_no, 2)::int % 3) l
				""")
			.bind("north", this.north.value())
			.bind("south", this.south.value())
			.bind("first", first)
			.bind("count", count)
			.bind("from", from)
			.then()
			.block();
	}

	/** Purchases recorded months ago but inserted now (an import of history). */
	private void historicalPurchases(int first, int count, String from) {
		purchases(first, count, from);
	}

	/**
	 * Refunds half of every {@code every}-th purchase not refunded yet, 3 days after it.
	 */
	private void refunds(int every) {
		this.db
			.sql("""
					INSERT INTO refunds (id, purchase_id, refund_no, amount_minor, points_reversed, balance_after, tier_after,
					                     refunded_at)
					SELECT gen_random_uuid(), p.id, 'F-' || p.receipt_no, greatest(1, p.amount_minor / 2), 0, 0, 'BRONZE',
					       p.recorded_at + interval '3 days 5 hours'
					FROM purchases p
					WHERE substr(p.receipt_no, 2)::int % :every = 0 AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.purchase_id = p.id)
					""")
			.bind("every", every)
			.then()
			.block();
	}

	private void ledger(int first, int count, String from) {
		this.db
			.sql("""
					WITH m AS (SELECT id, row_number() OVER (ORDER BY card_number) AS k FROM customers)
					INSERT INTO points_ledger_entries (id, customer_id, delta, kind, reason, source_type, source_id, occurred_at)
					SELECT gen_random_uuid(), m.id, CASE WHEN n % 4 IN (1, 2) THEN -(n % 9 + 1) ELSE n % 50 + 1 END,
					       (ARRAY['EARN', 'REDEEM', 'EXPIRE', 'ADJUST'])[1 + n % 4], 'test', 'IT', n::text,
					       CAST(:from AS timestamptz) + (n - :first) * interval '3 hours 41 minutes'
					FROM generate_series(:first, :first + :count - 1) n JOIN m ON m.k = 1 + n % 40
					""")
			.bind("first", first)
			.bind("count", count)
			.bind("from", from)
			.then()
			.block();
	}

}
