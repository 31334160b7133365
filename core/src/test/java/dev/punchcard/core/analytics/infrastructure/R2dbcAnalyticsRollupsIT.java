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

	private UUID over;

	private UUID lastOver;

	private UUID sending;

	@BeforeEach
	void aFreshDatabase() {
		this.db = TestDatabases.forModule("analytics").client();
		this.db
			.sql("""
					TRUNCATE analytics_sales_hourly, analytics_items_daily, analytics_items_daily_all, analytics_points_hourly, analytics_points_hourly_all,
					  analytics_items_monthly, analytics_items_monthly_all, analytics_member_last_purchase, analytics_broadcasts_rolled_up, analytics_broadcast_windows, purchase_items, refunds,
					  points_ledger_entries, points_balances, purchases, broadcast_recipients, broadcasts, customers, stores CASCADE
					""")
			.then()
			.block();
		this.db.sql("UPDATE analytics_rollup_state SET rolled_up_to = 'epoch'").then().block();
		this.readings = new R2dbcAnalyticsReadings(this.db);
		this.rollups = new R2dbcAnalyticsRollups(this.db, Duration.ZERO);
		this.north = store("NORTH");
		this.south = store("SOUTH");
		members(40);
		this.over = broadcast("COMPLETED", "2026-03-10T10:00:00Z");
		this.lastOver = broadcast("CANCELLED", "2026-03-29T12:00:00Z");
		this.sending = broadcast("RUNNING", "2026-03-22T09:00:00Z");
	}

	@Test
	void should_answer_as_the_raw_rows_do_when_rows_arrive_before_and_after_a_rollup() {
		purchases(0, 300, "2026-03-01T00:00:00Z");
		historicalPurchases(300, 60, "2025-12-20T00:00:00Z");
		purchases(1480, 3, "2026-04-25T08:00:00Z");
		refunds(7);
		assertThat(this.rollups.rollUp().block().purchases()).isEqualTo(363);
		assertThat(rolledUpBroadcasts()).as("those over, not the one still sending")
			.containsExactlyInAnyOrder(this.over, this.lastOver);
		purchases(1000, 120, "2026-03-20T05:30:00Z");
		purchases(2000, 5, "2026-04-20T00:00:00Z");
		refunds(5);
		ledger(5000, 200, "2026-03-10T00:00:00Z");

		List<Object> rolledUp = reports();
		assertThat(this.db.sql("SELECT count(*) FROM analytics_sales_hourly")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isPositive();
		backToRawRows();
		assertThat(reports()).isEqualTo(rolledUp);

		assertThat(this.rollups.rollUp().block().purchases()).isEqualTo(488);
		assertThat(reports()).as("everything rolled up").isEqualTo(rolledUp);
		assertThat(this.rollups.rollUp().block().purchases()).as("nothing left").isZero();
		assertThat(reports()).as("a second run adds nothing").isEqualTo(rolledUp);
	}

	@Test
	void should_answer_as_the_raw_rows_do_when_purchases_land_in_rolled_up_broadcast_windows_later() {
		purchases(0, 200, "2026-03-01T00:00:00Z");
		this.rollups.rollUp().block();
		long before = windowPurchases();
		// recorded in the windows of broadcasts already rolled up: one run adds them, the
		// reports read the others after the watermark
		historicalPurchases(600, 150, "2026-03-09T00:00:00Z");
		this.rollups.rollUp().block();
		assertThat(windowPurchases()).isGreaterThan(before);
		historicalPurchases(900, 90, "2026-03-28T00:00:00Z");

		List<Object> rolledUp = reports();
		backToRawRows();
		assertThat(reports()).isEqualTo(rolledUp);
	}

	@Test
	void should_roll_up_a_broadcast_once_its_sending_is_over() {
		purchases(0, 300, "2026-03-01T00:00:00Z");
		this.rollups.rollUp().block();
		assertThat(rolledUpBroadcasts()).doesNotContain(this.sending);

		this.db.sql("UPDATE broadcast_recipients SET state = 'CANCELLED' WHERE state = 'QUEUED'").then().block();
		this.db.sql("UPDATE broadcasts SET state = 'COMPLETED', completed_at = now() WHERE id = :id")
			.bind("id", this.sending)
			.then()
			.block();
		purchases(1000, 60, "2026-03-23T00:00:00Z");
		this.rollups.rollUp().block();

		assertThat(rolledUpBroadcasts()).contains(this.sending);
		List<Object> rolledUp = reports();
		backToRawRows();
		assertThat(reports()).isEqualTo(rolledUp);
	}

	@Test
	void should_count_active_members_as_the_purchases_do_when_the_range_ends_before_or_after_them() {
		purchases(0, 300, "2026-03-01T00:00:00Z");
		purchases(1480, 3, "2026-04-25T08:00:00Z");
		this.rollups.rollUp().block();
		purchases(2000, 5, "2026-04-20T00:00:00Z");

		for (String end : List.of("2026-03-05", "2026-03-29", "2026-04-21", "2026-04-25", "2026-05-10", "2026-05-30")) {
			for (StoreId store : new StoreId[] { null, this.north }) {
				AnalyticsQuery query = new AnalyticsQuery(LocalDate.parse(end).minusDays(40), LocalDate.parse(end),
						ZoneId.of("Europe/Berlin"), store, Grain.DAY);
				assertThat(this.readings.members(query).block().active()).as(end + " " + store)
					.isEqualTo(rawActive(query));
			}
		}
		AnalyticsQuery may = new AnalyticsQuery(LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-09"),
				ZoneId.of("UTC"), null, Grain.DAY);
		assertThat(this.readings.members(may).block().active()).as("3 rolled up, 2 more after the watermark")
			.isEqualTo(5);
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
				for (AnalyticsQuery query : List.of(longRange, oneDay,
						new AnalyticsQuery(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-15"),
								ZoneId.of(zone), store, Grain.DAY),
						new AnalyticsQuery(LocalDate.parse("2026-04-20"), LocalDate.parse("2026-05-10"),
								ZoneId.of(zone), store, Grain.DAY))) {
					all.add(this.readings.members(query).block());
					all.add(this.readings.broadcasts(query).block());
				}
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

	private long rawActive(AnalyticsQuery query) {
		String store = (query.store() == null) ? "" : "AND store_id = :store";
		var spec = this.db
			.sql("SELECT count(DISTINCT customer_id) FROM purchases WHERE recorded_at >= :end - interval '30 days' "
					+ "AND recorded_at < :end " + store)
			.bind("end", query.end().atOffset(ZoneOffset.UTC));
		if (query.store() != null) {
			spec = spec.bind("store", query.store().value());
		}
		return spec.map((row) -> row.get(0, Long.class)).one().block();
	}

	private List<UUID> rolledUpBroadcasts() {
		return this.db.sql("SELECT broadcast_id FROM analytics_broadcasts_rolled_up")
			.map((row) -> row.get(0, UUID.class))
			.all()
			.collectList()
			.block();
	}

	private long windowPurchases() {
		return this.db.sql("SELECT coalesce(sum(purchases), 0) FROM analytics_broadcast_windows")
			.map((row) -> row.get(0, Number.class).longValue())
			.one()
			.block();
	}

	/**
	 * A broadcast started at {@code startedAt} to every member: a fifth failed, a tenth
	 * skipped as opted out, the rest sent one every 71 minutes (a third of them read); a
	 * broadcast still running has a tenth still queued instead.
	 */
	private UUID broadcast(String state, String startedAt) {
		UUID id = UUID.randomUUID();
		OffsetDateTime at = OffsetDateTime.parse(startedAt);
		this.db.sql("""
				INSERT INTO broadcasts (id, name, channel_policy, telegram_template_id, telegram_use, time_zone, state,
				                        created_at, updated_at, started_at, completed_at)
				VALUES (:id, :name, 'TELEGRAM_ONLY', gen_random_uuid(), '{}'::jsonb, 'UTC', :state, :at, :at, :at,
				        CASE WHEN :state = 'COMPLETED' THEN CAST(:at AS timestamptz) + interval '2 days' END)
				""").bind("id", id).bind("name", "B " + startedAt).bind("state", state).bind("at", at).then().block();
		this.db
			.sql("""
					WITH m AS (SELECT id, row_number() OVER (ORDER BY card_number) AS k FROM customers),
					s AS (SELECT m.id, m.k, CASE WHEN m.k % 5 = 0 THEN 'FAILED' WHEN m.k % 10 = 1 THEN 'SKIPPED'
					                             WHEN :running AND m.k % 10 = 3 THEN 'QUEUED' WHEN m.k % 3 = 0 THEN 'READ'
					                             ELSE 'SENT' END AS state FROM m)
					INSERT INTO broadcast_recipients (broadcast_id, customer_id, channel, chat_id, language, state, skip_reason,
					                                  message_id, status_rank, due_at, sent_at, delivered_at, read_at, failed_at)
					SELECT :id, s.id, 'TELEGRAM', 'chat-' || s.k, 'en', s.state,
					       CASE WHEN s.state = 'SKIPPED' THEN 'OPTED_OUT' END,
					       CASE WHEN s.state IN ('SENT', 'READ') THEN CAST(:id AS text) || '-' || s.k END,
					       CASE s.state WHEN 'SENT' THEN 1 WHEN 'READ' THEN 3 WHEN 'FAILED' THEN 4 ELSE 0 END, :at,
					       CASE WHEN s.state IN ('SENT', 'READ') THEN CAST(:at AS timestamptz) + s.k * interval '71 minutes' END,
					       CASE WHEN s.state = 'READ' THEN CAST(:at AS timestamptz) + s.k * interval '72 minutes' END,
					       CASE WHEN s.state = 'READ' THEN CAST(:at AS timestamptz) + s.k * interval '73 minutes' END,
					       CASE WHEN s.state = 'FAILED' THEN CAST(:at AS timestamptz) + interval '1 minute' END
					FROM s
					""")
			.bind("id", id)
			.bind("running", state.equals("RUNNING"))
			.bind("at", at)
			.then()
			.block();
		return id;
	}

	private void backToRawRows() {
		this.db
			.sql("TRUNCATE analytics_sales_hourly, analytics_items_daily, analytics_items_daily_all, analytics_points_hourly, analytics_points_hourly_all, "
					+ "analytics_items_monthly, analytics_items_monthly_all, analytics_member_last_purchase, analytics_broadcasts_rolled_up, analytics_broadcast_windows")
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
		this.db
			.sql("""
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
					SELECT p.id, l, 'SKU' || ((substr(p.receipt_no, 2)::int + l) % 7), 'Item ' || (substr(p.receipt_no, 2)::int % 4),
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
