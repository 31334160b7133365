package dev.punchcard.core.points.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.punchcard.core.points.application.ExpiryLedger;
import dev.punchcard.core.points.application.ExpiryMismatch;
import dev.punchcard.core.points.application.ExpiryRun;
import dev.punchcard.core.points.application.UpcomingExpiry;
import dev.punchcard.core.points.domain.DueExpiry;
import dev.punchcard.core.points.domain.ExpiringLots;
import dev.punchcard.core.points.domain.Lot;
import dev.punchcard.core.shared.domain.CustomerId;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The expiry's reads in SQL. The set-based queries apply the rule of {@link ExpiringLots}
 * with window functions: a member's lots ordered by expiry (then time and id, so the
 * running sum is deterministic), running sum {@code S}, total consumption {@code C}
 * (every negative entry, EXPIRE included), what is left of a lot
 * {@code LEAST(GREATEST(S - C, 0), delta)}. Lots that never expire come after every lot
 * that does, so they are left out of the sums. Only members with a lot falling due in the
 * window are looked at (the partial index on {@code expires_at}).
 */
class R2dbcExpiryLedger implements ExpiryLedger {

	private static final String LEFT_OF_LOTS = """
			WITH touched AS (
			    SELECT DISTINCT customer_id FROM points_ledger_entries
			    WHERE expires_at > :from AND expires_at <= :to
			), lots AS (
			    SELECT e.customer_id, e.expires_at, e.delta,
			           SUM(e.delta) OVER (PARTITION BY e.customer_id ORDER BY e.expires_at, e.occurred_at, e.id)
			               AS running
			    FROM points_ledger_entries e JOIN touched t ON t.customer_id = e.customer_id
			    WHERE e.expires_at IS NOT NULL AND e.expires_at <= :to
			), used AS (
			    SELECT e.customer_id, -SUM(e.delta) AS consumed
			    FROM points_ledger_entries e JOIN touched t ON t.customer_id = e.customer_id
			    WHERE e.delta < 0
			    GROUP BY e.customer_id
			), left_over AS (
			    SELECT l.customer_id, l.expires_at,
			           SUM(LEAST(GREATEST(l.running - COALESCE(u.consumed, 0), 0), l.delta))::bigint AS points
			    FROM lots l LEFT JOIN used u ON u.customer_id = l.customer_id
			    GROUP BY l.customer_id, l.expires_at
			)
			""";

	private static final String WITH_POINTS_DUE = LEFT_OF_LOTS + """
			SELECT DISTINCT customer_id FROM left_over WHERE points > 0
			""";

	// the warning's idempotency key as WarnOfExpiry.warningKey builds it
	private static final String UPCOMING = LEFT_OF_LOTS + """
			SELECT o.customer_id, o.expires_at, o.points, b.balance
			FROM left_over o JOIN points_balances b ON b.customer_id = o.customer_id
			WHERE o.points > 0 AND o.expires_at > :from
			  AND NOT EXISTS (SELECT 1 FROM notification_outbox n
			                  WHERE n.idempotency_key = 'expiry-warning:' || o.customer_id || ':'
			                                            || extract(epoch FROM o.expires_at)::bigint)
			ORDER BY o.customer_id, o.expires_at
			""";

	private static final String LOTS = """
			SELECT delta, expires_at FROM points_ledger_entries
			WHERE customer_id = :customerId AND expires_at IS NOT NULL
			""";

	private static final String CONSUMED = """
			SELECT COALESCE(-SUM(delta), 0)::bigint FROM points_ledger_entries
			WHERE customer_id = :customerId AND delta < 0
			""";

	private static final String OVER_EXPIRED = """
			SELECT customer_id, expired, due_lots FROM (
			    SELECT customer_id,
			           COALESCE(-SUM(delta) FILTER (WHERE kind = 'EXPIRE'), 0)::bigint AS expired,
			           COALESCE(SUM(delta) FILTER (WHERE expires_at <= :now), 0)::bigint AS due_lots
			    FROM points_ledger_entries
			    GROUP BY customer_id
			    HAVING bool_or(kind = 'EXPIRE')
			) t
			WHERE expired > due_lots
			""";

	private final DatabaseClient db;

	R2dbcExpiryLedger(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<ExpiringLots> lotsOf(CustomerId customerId) {
		Mono<java.util.List<Lot>> lots = this.db.sql(LOTS)
			.bind("customerId", customerId.value())
			.map((row) -> new Lot(row.get("delta", Long.class),
					row.get("expires_at", OffsetDateTime.class).toInstant()))
			.all()
			.collectList();
		Mono<Long> consumed = this.db.sql(CONSUMED)
			.bind("customerId", customerId.value())
			.map((row) -> row.get(0, Long.class))
			.one();
		return lots.zipWith(consumed, ExpiringLots::new);
	}

	@Override
	public Flux<CustomerId> withPointsDue(Instant since, Instant now) {
		return this.db.sql(WITH_POINTS_DUE)
			.bind("from", utc(since))
			.bind("to", utc(now))
			.map((row) -> new CustomerId(row.get("customer_id", UUID.class)))
			.all();
	}

	@Override
	public Flux<UpcomingExpiry> upcoming(Instant from, Instant to) {
		return this.db.sql(UPCOMING)
			.bind("from", utc(from))
			.bind("to", utc(to))
			.map((row) -> new UpcomingExpiry(new CustomerId(row.get("customer_id", UUID.class)),
					new DueExpiry(row.get("expires_at", OffsetDateTime.class).toInstant(),
							row.get("points", Long.class)),
					row.get("balance", Long.class)))
			.all();
	}

	@Override
	public Mono<Instant> lastRunUpTo() {
		return this.db.sql("SELECT max(up_to) AS up_to FROM points_expiry_runs")
			.map((row) -> java.util.Optional.ofNullable(row.get("up_to", OffsetDateTime.class)))
			.one()
			.flatMap(Mono::justOrEmpty)
			.map(OffsetDateTime::toInstant);
	}

	@Override
	public Mono<Void> recordRun(ExpiryRun run) {
		return this.db.sql("""
				INSERT INTO points_expiry_runs (up_to, members, points) VALUES (:upTo, :members, :points)
				ON CONFLICT (up_to) DO NOTHING
				""").bind("upTo", utc(run.upTo())).bind("members", run.members()).bind("points", run.points()).then();
	}

	@Override
	public Flux<ExpiryMismatch> overExpired(Instant now) {
		return this.db.sql(OVER_EXPIRED)
			.bind("now", utc(now))
			.map((row) -> new ExpiryMismatch(new CustomerId(row.get("customer_id", UUID.class)),
					row.get("expired", Long.class), row.get("due_lots", Long.class)))
			.all();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
