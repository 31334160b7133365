package dev.punchcard.app.api;

import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import dev.punchcard.core.support.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the end-to-end API tests: the whole application on a random port, over the real
 * PostgreSQL and Redis of the test support (embedded by default, the machine's with
 * {@code -Dpunchcard.test.external=true}).
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "punchcard.embedded.enabled=false",
				"punchcard.jwt.secret=test-jwt-secret-0123456789-abcdefghijklmnopqrstuv",
				"punchcard.codes.active-key=A", "punchcard.codes.keys.A=test-code-secret-0123456789-abcdefghijklmnop",
				"punchcard.admin.username=" + ApiIT.ADMIN, "punchcard.admin.password=" + ApiIT.ADMIN_PASSWORD,
				"punchcard.login-throttle.per-username=1000", "punchcard.login-throttle.per-address=100000",
				"punchcard.segments.scores.scheduled=false",
				// likewise the points expiry: only its own tests run it, over their own
				// rows
				"punchcard.points.expiry.scheduled=false", "punchcard.leaderboard.scheduled=false",
				// the analytics rollup runs only when a test asks (with no lag, so it
				// sees
				// what the test just wrote)
				"punchcard.analytics.scheduled=false", "punchcard.analytics.rollup-lag=0s",
				// cached contexts share the database: only the broadcast tests' own
				// contexts send broadcasts and run their schedule, else another context's
				// senders would claim their recipients and send them to its own fakes,
				// and
				// its schedule would move other tests' broadcasts (complete, pause) under
				// them
				"punchcard.broadcasts.sending.enabled=false", "punchcard.broadcasts.scheduled=false" })
public abstract class ApiIT {

	public static final String ADMIN = "root-admin";

	public static final String ADMIN_PASSWORD = "correct-horse-battery-staple";

	@Autowired
	protected WebTestClient http;

	@Autowired
	protected DatabaseClient db;

	@Autowired
	protected ReactiveStringRedisTemplate redis;

	@LocalServerPort
	protected int port;

	protected Till till;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		TestDatabase database = TestDatabases.forModule("app");
		registry.add("spring.r2dbc.url", database::r2dbcUrl);
		registry.add("spring.r2dbc.username", database::user);
		registry.add("spring.flyway.url", database::jdbcUrl);
		registry.add("spring.flyway.user", database::user);
		registry.add("spring.data.redis.url", () -> TestRedis.urlFor(2));
	}

	@BeforeEach
	protected void cleanSlate() {
		this.db
			.sql("TRUNCATE inbound_updates, outgoing_messages, staff_link_codes, staff_chat_identities, notification_outbox, vouchers, rewards, points_ledger_entries, points_balances, refunds, "
					+ "purchase_items, purchases, tier_changes, channel_identities, customers, marketing_consents, "
					+ "chat_link_failures, segments, audit_log, customer_scores, customer_score_runs, whatsapp_templates, telegram_templates, points_expiry_runs, leaderboard_winners, leaderboard_weeks, leaderboard_start, import_rejections, imports, analytics_sales_hourly, analytics_items_daily, analytics_items_daily_all, analytics_points_hourly, analytics_points_hourly_all, analytics_items_monthly, analytics_items_monthly_all, analytics_member_last_purchase, analytics_broadcasts_rolled_up, analytics_broadcast_windows, broadcast_early_statuses RESTART IDENTITY CASCADE")
			.then()
			// the background work of other cached contexts (broadcast claims, schedules)
			// may
			// hold row locks the truncate waits for in another order: PostgreSQL then
			// breaks
			// the deadlock by failing one side, and the truncate goes again
			.retryWhen(reactor.util.retry.Retry.backoff(10, java.time.Duration.ofMillis(50))
				.filter((error) -> String.valueOf(error.getMessage()).contains("deadlock detected")))
			.block();
		this.db.sql("DELETE FROM staff WHERE username <> :admin").bind("admin", ADMIN).then().block();
		this.db.sql("DELETE FROM stores").then().block();
		this.db.sql("UPDATE analytics_rollup_state SET rolled_up_to = 'epoch'").then().block();
		this.redis.getConnectionFactory().getReactiveConnection().serverCommands().flushDb().block();
		this.till = new Till(this.http);
	}

	protected long ledgerMismatches() {
		return this.db.sql("""
				SELECT count(*) FROM points_balances b
				WHERE b.balance <> COALESCE((SELECT SUM(delta) FROM points_ledger_entries e
				                             WHERE e.customer_id = b.customer_id), 0)
				""").map((row) -> row.get(0, Long.class)).one().block();
	}

}
