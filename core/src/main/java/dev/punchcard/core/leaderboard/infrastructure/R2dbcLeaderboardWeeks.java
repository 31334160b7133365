package dev.punchcard.core.leaderboard.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.punchcard.core.leaderboard.application.LeaderboardWeeks;
import dev.punchcard.core.leaderboard.domain.Standing;
import dev.punchcard.core.leaderboard.domain.Week;
import dev.punchcard.core.shared.domain.Points;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link LeaderboardWeeks} in {@code leaderboard_start}, {@code leaderboard_weeks} and
 * {@code leaderboard_winners}: the claim of a week is the insert of its unique row, so of
 * two racing transactions the second waits for the first and then inserts nothing.
 */
class R2dbcLeaderboardWeeks implements LeaderboardWeeks {

	private final DatabaseClient db;

	R2dbcLeaderboardWeeks(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Instant> startPoint(Instant firstWeekEnd) {
		// two statements, each committed on its own: the select sees a start point that a
		// concurrent first run committed while this insert waited for it
		return this.db.sql("INSERT INTO leaderboard_start (first_week_end) VALUES (:end) ON CONFLICT DO NOTHING")
			.bind("end", firstWeekEnd.atOffset(ZoneOffset.UTC))
			.then()
			.then(this.db.sql("SELECT first_week_end FROM leaderboard_start")
				.map((row) -> row.get(0, OffsetDateTime.class).toInstant())
				.one());
	}

	@Override
	public Flux<Instant> awardedSince(Instant from) {
		return this.db.sql("SELECT week_start FROM leaderboard_weeks WHERE week_start >= :from")
			.bind("from", from.atOffset(ZoneOffset.UTC))
			.map((row) -> row.get(0, OffsetDateTime.class).toInstant())
			.all();
	}

	@Override
	public Mono<Boolean> claim(Week week, Instant at) {
		return this.db.sql("""
				INSERT INTO leaderboard_weeks (week_start, week_end, start_date, awarded_at)
				VALUES (:start, :end, :startDate, :at)
				ON CONFLICT DO NOTHING
				""")
			.bind("start", week.start().atOffset(ZoneOffset.UTC))
			.bind("end", week.end().atOffset(ZoneOffset.UTC))
			.bind("startDate", week.startDate())
			.bind("at", at.atOffset(ZoneOffset.UTC))
			.fetch()
			.rowsUpdated()
			.map((inserted) -> inserted == 1L);
	}

	@Override
	public Mono<Void> recordWinner(Week week, Standing winner, Points points) {
		return this.db.sql("""
				INSERT INTO leaderboard_winners (week_start, place, customer_id, net_minor, reached_at, points)
				VALUES (:start, :place, :customer, :net, :reached, :points)
				""")
			.bind("start", week.start().atOffset(ZoneOffset.UTC))
			.bind("place", winner.place())
			.bind("customer", winner.customerId().value())
			.bind("net", winner.netMinor())
			.bind("reached", winner.reachedAt().atOffset(ZoneOffset.UTC))
			.bind("points", points.value())
			.then();
	}

	@Override
	public Flux<Standing> winnersOf(Week week) {
		return this.db.sql("""
				SELECT w.place, w.customer_id, c.name, w.net_minor, w.reached_at
				FROM leaderboard_winners w JOIN customers c ON c.id = w.customer_id
				WHERE w.week_start = :start
				ORDER BY w.place
				""").bind("start", week.start().atOffset(ZoneOffset.UTC)).map(R2dbcWeeklySpend::standing).all();
	}

	@Override
	public Mono<Boolean> isAwarded(Week week) {
		return this.db.sql("SELECT EXISTS (SELECT 1 FROM leaderboard_weeks WHERE week_start = :start)")
			.bind("start", week.start().atOffset(ZoneOffset.UTC))
			.map((row) -> row.get(0, Boolean.class))
			.one();
	}

}
