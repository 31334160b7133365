package dev.punchcard.core.segment.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.punchcard.core.segment.application.CustomerScores;
import dev.punchcard.core.segment.application.ScoreRun;
import dev.punchcard.core.segment.domain.ChurnRisk;
import dev.punchcard.core.segment.domain.RfmClass;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * {@link CustomerScores} recomputed in set-based SQL inside one transaction: a
 * transaction-scoped advisory lock (tried, never waited for) keeps instances from
 * recomputing at once; a scheduled run then claims its period in
 * {@code customer_score_runs} (unique), so a later instance in the same period finds it
 * claimed. Scores are replaced as a whole; a failed run leaves the previous scores and no
 * claim behind.
 */
class R2dbcCustomerScores implements CustomerScores {

	/** The advisory lock key of recomputes ("scores" in ASCII). */
	static final long LOCK_KEY = 0x73636F726573L;

	private static final String CLAIM = """
			INSERT INTO customer_score_runs (id, period_start, actor_id, started_at)
			VALUES (:id, :period, :by, :now)
			ON CONFLICT ON CONSTRAINT customer_score_runs_period_start_key DO NOTHING
			""";

	private static final String SCORE = """
			INSERT INTO customer_scores (customer_id, recency_score, frequency_score, monetary_score, rfm_class,
			                             churn_risk, computed_at)
			WITH kept AS (
			  SELECT p.customer_id, p.recorded_at, p.amount_minor - p.refunded_minor AS net
			  FROM purchases p
			  WHERE p.refunded_minor < p.amount_minor AND p.recorded_at <= :now),
			gaps AS (
			  SELECT customer_id, recorded_at,
			         extract(epoch FROM recorded_at - lag(recorded_at) OVER (PARTITION BY customer_id ORDER BY recorded_at))
			           / 86400.0 AS gap_days
			  FROM kept),
			history AS (
			  SELECT customer_id, max(recorded_at) AS last_at,
			         percentile_cont(0.5) WITHIN GROUP (ORDER BY gap_days) AS median_gap
			  FROM gaps GROUP BY customer_id),
			recent AS (
			  SELECT customer_id, max(recorded_at) AS last_at, count(*) AS frequency, sum(net) AS monetary
			  FROM kept WHERE recorded_at > :yearAgo GROUP BY customer_id),
			quintiles AS (
			  SELECT customer_id,
			         ntile(5) OVER (ORDER BY last_at, customer_id) AS r,
			         ntile(5) OVER (ORDER BY frequency, customer_id) AS f,
			         ntile(5) OVER (ORDER BY monetary, customer_id) AS m
			  FROM recent),
			classes AS (
			  SELECT * FROM unnest(CAST(:mapR AS int[]), CAST(:mapF AS int[]), CAST(:mapClass AS text[])) AS k (r, f, name)),
			silence AS (
			  SELECT customer_id,
			         (extract(epoch FROM :now - last_at) / 86400.0) / GREATEST(COALESCE(median_gap, :defaultGap), 1) AS gaps
			  FROM history)
			SELECT h.customer_id, q.r, q.f, q.m,
			       CASE WHEN q.customer_id IS NULL THEN :lost ELSE k.name END,
			       CASE WHEN s.gaps > :high THEN 'HIGH' WHEN s.gaps > :medium THEN 'MEDIUM' ELSE 'LOW' END,
			       :now
			FROM history h
			JOIN silence s ON s.customer_id = h.customer_id
			LEFT JOIN quintiles q ON q.customer_id = h.customer_id
			LEFT JOIN classes k ON k.r = q.r AND k.f = q.f
			""";

	private static final String AUDIT = """
			INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, details)
			VALUES (:id, :now, :by, 'scores.recomputed', 'customer_scores', :run,
			        jsonb_build_object('scored', CAST(:scored AS bigint), 'scheduled', CAST(:scheduled AS boolean)))
			""";

	private static final Integer[] MAP_R = new Integer[25];

	private static final Integer[] MAP_F = new Integer[25];

	private static final String[] MAP_CLASS = new String[25];

	static {
		for (int r = 1; r <= 5; r++) {
			for (int f = 1; f <= 5; f++) {
				int i = (r - 1) * 5 + (f - 1);
				MAP_R[i] = r;
				MAP_F[i] = f;
				MAP_CLASS[i] = RfmClass.of(r, f).name();
			}
		}
	}

	private final DatabaseClient db;

	private final TransactionalOperator transaction;

	private final Duration defaultGap;

	R2dbcCustomerScores(DatabaseClient db, Duration defaultGap) {
		this.db = db;
		this.transaction = TransactionalOperator.create(new R2dbcTransactionManager(db.getConnectionFactory()));
		this.defaultGap = defaultGap;
	}

	@Override
	public Mono<ScoreRun> recompute(Instant now, @Nullable Instant periodStart, @Nullable StaffId by) {
		UUID run = UUID.randomUUID();
		return lock().flatMap((locked) -> locked ? claim(run, now, periodStart, by) : Mono.just(new ScoreRun.Busy()))
			.as(this.transaction::transactional);
	}

	private Mono<Boolean> lock() {
		return this.db.sql("SELECT pg_try_advisory_xact_lock(:key) AS locked")
			.bind("key", LOCK_KEY)
			.map((row) -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
			.one();
	}

	private Mono<ScoreRun> claim(UUID run, Instant now, @Nullable Instant periodStart, @Nullable StaffId by) {
		DatabaseClient.GenericExecuteSpec claim = this.db.sql(CLAIM).bind("id", run).bind("now", utc(now));
		claim = (periodStart == null) ? claim.bindNull("period", OffsetDateTime.class)
				: claim.bind("period", utc(periodStart));
		claim = (by == null) ? claim.bindNull("by", UUID.class) : claim.bind("by", by.value());
		return claim.fetch()
			.rowsUpdated()
			.flatMap((claimed) -> (claimed == 1) ? score(run, now, periodStart != null, by)
					: Mono.just(new ScoreRun.AlreadyDone(periodStart)));
	}

	private Mono<ScoreRun> score(UUID run, Instant now, boolean scheduled, @Nullable StaffId by) {
		return this.db.sql("DELETE FROM customer_scores")
			.then()
			.then(insertScores(now))
			.flatMap((scored) -> record(run, now, scheduled, by, scored).thenReturn(scored))
			.map((scored) -> new ScoreRun.Recomputed(scored, now));
	}

	private Mono<Long> insertScores(Instant now) {
		return this.db.sql(SCORE)
			.bind("now", utc(now))
			.bind("yearAgo", utc(now.minus(Duration.ofDays(365))))
			.bind("mapR", MAP_R)
			.bind("mapF", MAP_F)
			.bind("mapClass", MAP_CLASS)
			.bind("lost", RfmClass.LOST.name())
			.bind("defaultGap", this.defaultGap.toSeconds() / 86400.0)
			.bind("high", ChurnRisk.HIGH_AFTER_GAPS)
			.bind("medium", ChurnRisk.MEDIUM_AFTER_GAPS)
			.fetch()
			.rowsUpdated();
	}

	private Mono<Void> record(UUID run, Instant now, boolean scheduled, @Nullable StaffId by, long scored) {
		DatabaseClient.GenericExecuteSpec audit = this.db.sql(AUDIT)
			.bind("id", UUID.randomUUID())
			.bind("now", utc(now))
			.bind("run", run.toString())
			.bind("scored", scored)
			.bind("scheduled", scheduled);
		audit = (by == null) ? audit.bindNull("by", UUID.class) : audit.bind("by", by.value());
		return this.db.sql("UPDATE customer_score_runs SET scored = :scored WHERE id = :id")
			.bind("scored", scored)
			.bind("id", run)
			.then()
			.then(audit.then());
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

}
