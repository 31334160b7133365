package dev.punchcard.core.segment.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.punchcard.core.segment.application.RecomputeScores;
import dev.punchcard.core.segment.application.RecomputeScores.Trigger;
import dev.punchcard.core.segment.application.ScoreRun;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.support.TestClock;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/** Recomputing scores runs once per period across instances, on demand whenever asked. */
class R2dbcCustomerScoresIT {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private DatabaseClient db;

	private UUID staff;

	@BeforeEach
	void oneBuyer() {
		this.db = TestDatabases.forModule("core").client();
		this.db
			.sql("TRUNCATE customer_scores, customer_score_runs, audit_log, segments, purchase_items, refunds, "
					+ "purchases, points_balances, channel_identities, customers, staff, stores CASCADE")
			.then()
			.block();
		Population people = new Population(this.db, NOW);
		StoreId store = people.store("MAIN");
		people.member("Buyer").purchases(3, 5, 10, 1000, store);
		people.member("Never");
		this.staff = UUID.randomUUID();
		this.db.sql("INSERT INTO staff (id, username, password_hash, role) VALUES (:id, 'marketer', 'x', 'MARKETER')")
			.bind("id", this.staff)
			.then()
			.block();
	}

	@RepeatedTest(3)
	void should_recompute_once_when_two_instances_run_the_same_period_at_once() {
		List<ScoreRun> runs = Flux.just(instance(), instance())
			.flatMap((instance) -> instance.recompute(new Trigger.Scheduled()).subscribeOn(Schedulers.parallel()))
			.collectList()
			.block();

		assertThat(runs).filteredOn(ScoreRun.Recomputed.class::isInstance).hasSize(1);
		assertThat(runs).filteredOn((run) -> !(run instanceof ScoreRun.Recomputed))
			.singleElement()
			.satisfies((run) -> assertThat(run).isInstanceOfAny(ScoreRun.Busy.class, ScoreRun.AlreadyDone.class));
		assertThat(count("SELECT count(*) FROM customer_score_runs")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'scores.recomputed'")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM customer_scores")).as("the buyer only").isEqualTo(1);
	}

	@Test
	void should_do_nothing_when_the_period_was_recomputed_already_and_run_again_in_the_next() {
		assertThat(instance().recompute(new Trigger.Scheduled()).block()).isInstanceOf(ScoreRun.Recomputed.class);

		ScoreRun again = instance().recompute(new Trigger.Scheduled()).block();
		ScoreRun nextDay = new RecomputeScores(scores(), Duration.ofDays(1), TestClock.at(NOW.plus(Duration.ofDays(1))))
			.recompute(new Trigger.Scheduled())
			.block();

		assertThat(again).isEqualTo(new ScoreRun.AlreadyDone(Instant.parse("2026-12-01T00:00:00Z")));
		assertThat(nextDay).isInstanceOf(ScoreRun.Recomputed.class);
		assertThat(count("SELECT count(*) FROM customer_score_runs")).isEqualTo(2);
	}

	@Test
	void should_recompute_on_demand_even_after_the_scheduled_run_and_audit_who_asked() {
		instance().recompute(new Trigger.Scheduled()).block();

		ScoreRun run = instance().recompute(new Trigger.OnDemand(new StaffId(this.staff))).block();

		assertThat(run).isEqualTo(new ScoreRun.Recomputed(1, NOW));
		assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'scores.recomputed' AND actor_id = '"
				+ this.staff + "'"))
			.isEqualTo(1);
	}

	@Test
	void should_answer_busy_without_writing_when_another_instance_holds_the_lock() {
		DatabaseClient other = TestDatabases.forModule("core").client();
		ScoreRun run = other.inConnection((connection) -> Mono.from(connection.beginTransaction())
			.thenMany(Flux
				.from(connection.createStatement("SELECT pg_advisory_xact_lock($1)")
					.bind("$1", R2dbcCustomerScores.LOCK_KEY)
					.execute())
				.flatMap((result) -> result.map((row, meta) -> 1)))
			.then(instance().recompute(new Trigger.Scheduled()))
			.flatMap((result) -> Mono.from(connection.rollbackTransaction()).thenReturn(result))).block();

		assertThat(run).isEqualTo(new ScoreRun.Busy());
		assertThat(count("SELECT count(*) FROM customer_score_runs")).isZero();
	}

	private RecomputeScores instance() {
		return new RecomputeScores(scores(), Duration.ofDays(1), TestClock.at(NOW));
	}

	private R2dbcCustomerScores scores() {
		return new R2dbcCustomerScores(this.db, Duration.ofDays(30));
	}

	private long count(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block();
	}

}
