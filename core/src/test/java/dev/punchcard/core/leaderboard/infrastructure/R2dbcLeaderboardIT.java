package dev.punchcard.core.leaderboard.infrastructure;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.punchcard.core.leaderboard.application.AwardWeek;
import dev.punchcard.core.notification.infrastructure.NotificationAdapters;
import dev.punchcard.core.points.application.CheckLedger;
import dev.punchcard.core.points.infrastructure.PointsAdapters;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.leaderboard.application.AwardWeeklyTop;
import dev.punchcard.core.leaderboard.application.WeekAward;
import dev.punchcard.core.leaderboard.domain.Prizes;
import dev.punchcard.core.leaderboard.domain.Standing;
import dev.punchcard.core.leaderboard.domain.Week;
import dev.punchcard.core.leaderboard.domain.WeekSchedule;
import dev.punchcard.core.support.TestClock;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standings SQL over a known population (ties, refunds, a member with only refunds, a
 * blocked member), and awarding over real transactions: a race of two runs awards once, a
 * late run awards the missed weeks, the ledger stays consistent.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class R2dbcLeaderboardIT {

	private static final WeekSchedule SUNDAYS = new WeekSchedule(DayOfWeek.SUNDAY, LocalTime.of(23, 59),
			ZoneId.of("Europe/Berlin"));

	/** Week 2026-11-29T22:59Z .. 2026-12-06T22:59Z. */
	private static final Week WEEK = SUNDAYS.weekAt(Instant.parse("2026-12-02T10:00:00Z"));

	private static final Instant MONDAY = WEEK.start().plus(Duration.ofHours(12));

	private DatabaseClient db;

	private UUID store;

	private R2dbcWeeklySpend spend;

	private R2dbcLeaderboardWeeks weeks;

	@BeforeEach
	void emptyTables() {
		this.db = TestDatabases.forModule("core").client();
		this.db
			.sql("TRUNCATE leaderboard_winners, leaderboard_weeks, leaderboard_start, notification_outbox, "
					+ "points_ledger_entries, points_balances, refunds, purchase_items, purchases, channel_identities, "
					+ "customers, stores CASCADE")
			.then()
			.block();
		this.store = UUID.randomUUID();
		this.db.sql("INSERT INTO stores (id, code, name) VALUES (:id, 'MAIN', 'Main')")
			.bind("id", this.store)
			.then()
			.block();
		this.spend = new R2dbcWeeklySpend(this.db);
		this.weeks = new R2dbcLeaderboardWeeks(this.db);
	}

	@Test
	void should_rank_net_spend_with_refunds_and_break_ties_by_who_reached_the_total_first() {
		UUID early = member("Aygün Müller");
		UUID late = member("Bea Late");
		UUID refunded = member("Ref Under");
		UUID onlyRefunds = member("Old Buyer");
		UUID blocked = member("Blocked Big");
		purchase(late, 30_00, MONDAY);
		purchase(early, 50_00, MONDAY.plusSeconds(60));
		purchase(late, 20_00, MONDAY.plusSeconds(120));
		// 80 then a refund of 30 in the week: 50, reached at its first purchase (it had
		// 80)
		UUID big = purchase(refunded, 80_00, MONDAY.plusSeconds(180));
		refund(big, 30_00, MONDAY.plus(Duration.ofDays(1)));
		// a refund after the close does not change the closed week
		refund(big, 10_00, WEEK.end().plusSeconds(1));
		// the last week's purchase refunded this week: counts neither week
		UUID lastWeeks = purchase(onlyRefunds, 40_00, WEEK.start().minusSeconds(60));
		refund(lastWeeks, 40_00, MONDAY);
		purchase(blocked, 900_00, MONDAY);
		this.db.sql("UPDATE customers SET status = 'BLOCKED' WHERE id = :id").bind("id", blocked).then().block();
		// the close instant belongs to the next week
		purchase(early, 1_00, WEEK.end());

		List<Standing> standings = this.spend.standings(WEEK, 10, null).collectList().block();

		assertThat(standings).extracting(Standing::name).containsExactly("Aygün M.", "Bea L.", "Ref U.");
		assertThat(standings).extracting(Standing::netMinor).containsExactly(50_00L, 50_00L, 50_00L);
		assertThat(standings).extracting(Standing::place).containsExactly(1, 2, 3);
		assertThat(standings.get(1).reachedAt()).isEqualTo(MONDAY.plusSeconds(120));
		assertThat(standings.get(2).reachedAt()).as("when it first had 50 (80), not the refund's time")
			.isEqualTo(MONDAY.plusSeconds(180));
	}

	@Test
	void should_answer_the_top_the_member_and_the_one_above_when_a_member_is_below_the_top() {
		UUID[] members = new UUID[6];
		for (int i = 0; i < members.length; i++) {
			members[i] = member("Member " + i);
			purchase(members[i], 100_00 - i * 10_00, MONDAY);
		}

		List<Standing> standings = this.spend.standings(WEEK, 2, new CustomerId(members[4])).collectList().block();

		assertThat(standings).extracting(Standing::place).containsExactly(1, 2, 4, 5);
	}

	@RepeatedTest(3)
	void should_award_once_when_two_instances_run_the_same_closed_week_at_once() {
		UUID winner = member("Win Ner");
		purchase(winner, 10_00, MONDAY);
		startAt(WEEK.end());

		List<WeekAward> runs = Flux.just(instance(), instance())
			.flatMap((instance) -> instance.awardDue().subscribeOn(Schedulers.parallel()))
			.collectList()
			.block();

		assertThat(runs).filteredOn(WeekAward.Awarded.class::isInstance).hasSize(1);
		assertThat(count("SELECT count(*) FROM leaderboard_weeks")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM points_ledger_entries WHERE kind = 'BONUS'")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM notification_outbox WHERE kind = 'WeeklyTopPrize'")).isEqualTo(1);
		assertThat(count("SELECT balance FROM points_balances WHERE customer_id = '" + winner + "'")).isEqualTo(500);
		assertThat(mismatches()).isZero();
	}

	@Test
	void should_award_both_missed_weeks_and_keep_the_ledger_consistent_when_a_run_comes_late() {
		UUID first = member("First Week");
		UUID second = member("Second Week");
		purchase(first, 10_00, MONDAY);
		purchase(second, 10_00, MONDAY.plus(Duration.ofDays(7)));
		startAt(WEEK.end());

		List<WeekAward> late = instanceAt(WEEK.end().plus(Duration.ofDays(8))).awardDue().collectList().block();
		List<WeekAward> again = instanceAt(WEEK.end().plus(Duration.ofDays(8))).awardDue().collectList().block();

		assertThat(late).hasSize(2).allMatch(WeekAward.Awarded.class::isInstance);
		assertThat(again).isEmpty();
		assertThat(this.weeks.winnersOf(WEEK).map(Standing::name).collectList().block()).containsExactly("First W.");
		assertThat(count("SELECT count(*) FROM points_ledger_entries WHERE source_type = 'WEEKLY_TOP'")).isEqualTo(2);
		assertThat(mismatches()).isZero();
	}

	@Test
	void should_keep_the_first_start_point_when_later_runs_propose_another() {
		Instant first = this.weeks.startPoint(WEEK.end()).block();
		Instant later = this.weeks.startPoint(WEEK.end().plus(Duration.ofDays(7))).block();

		assertThat(first).isEqualTo(WEEK.end());
		assertThat(later).isEqualTo(WEEK.end());
	}

	private AwardWeeklyTop instance() {
		return instanceAt(WEEK.end().plusSeconds(30));
	}

	/** The use cases as Spring wires them: each week's award in its own transaction. */
	private AwardWeeklyTop instanceAt(Instant now) {
		TransactionalOperator transaction = TransactionalOperator
			.create(new R2dbcTransactionManager(this.db.getConnectionFactory()));
		AwardWeek award = new AwardWeek(this.weeks, this.spend, PointsAdapters.ledger(this.db),
				NotificationAdapters.outbox(this.db), new Prizes(List.of(500L, 300L))) {
			@Override
			public Mono<WeekAward> award(Week week, Instant at) {
				return super.award(week, at).as(transaction::transactional);
			}
		};
		return new AwardWeeklyTop(SUNDAYS, this.weeks, award, TestClock.at(now));
	}

	private void startAt(Instant firstEnd) {
		this.weeks.startPoint(firstEnd).block();
	}

	private UUID member(String name) {
		UUID id = UUID.randomUUID();
		this.db.sql("""
				INSERT INTO customers (id, name, referral_code, card_number) VALUES (:id, :name, :code, :card)
				""")
			.bind("id", id)
			.bind("name", name)
			.bind("code", "R-" + id)
			.bind("card", id.getMostSignificantBits() & Long.MAX_VALUE)
			.then()
			.block();
		this.db.sql("INSERT INTO points_balances (customer_id, balance) VALUES (:id, 0)").bind("id", id).then().block();
		return id;
	}

	private UUID purchase(UUID customer, long amount, Instant at) {
		UUID id = UUID.randomUUID();
		this.db.sql("""
				INSERT INTO purchases (id, customer_id, store_id, receipt_no, amount_minor, currency, points_earned,
				                       tier_at_purchase, balance_after, tier_after, recorded_at)
				VALUES (:id, :customer, :store, :receipt, :amount, 'EUR', 0, 'BRONZE', 0, 'BRONZE', :at)
				""")
			.bind("id", id)
			.bind("customer", customer)
			.bind("store", this.store)
			.bind("receipt", id.toString())
			.bind("amount", amount)
			.bind("at", at.atOffset(ZoneOffset.UTC))
			.then()
			.block();
		return id;
	}

	private void refund(UUID purchase, long amount, Instant at) {
		this.db
			.sql("""
					INSERT INTO refunds (id, purchase_id, refund_no, amount_minor, points_reversed, balance_after, tier_after,
					                     refunded_at)
					VALUES (:id, :purchase, :no, :amount, 0, 0, 'BRONZE', :at)
					""")
			.bind("id", UUID.randomUUID())
			.bind("purchase", purchase)
			.bind("no", UUID.randomUUID().toString())
			.bind("amount", amount)
			.bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.then()
			.block();
		this.db.sql("UPDATE purchases SET refunded_minor = refunded_minor + :amount WHERE id = :id")
			.bind("amount", amount)
			.bind("id", purchase)
			.then()
			.block();
	}

	private long mismatches() {
		return new CheckLedger(PointsAdapters.ledger(this.db), PointsAdapters.expiries(this.db), TestClock.fixed())
			.check()
			.map((report) -> (long) report.mismatches().size())
			.block();
	}

	private long count(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block();
	}

}
