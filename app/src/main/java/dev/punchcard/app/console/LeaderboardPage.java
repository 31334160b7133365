package dev.punchcard.app.console;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.punchcard.core.leaderboard.application.LeaderboardView;
import dev.punchcard.core.leaderboard.application.ShowLeaderboard;
import dev.punchcard.core.leaderboard.domain.Week;
import dev.punchcard.core.leaderboard.domain.WeekSchedule;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every staff member (the API lets every role read it too) sees a week's leaderboard: the
 * running week's standings so far, or a closed week's awarded winners, with each place's
 * prize and the close in the program's zone; below, the winners of the weeks before.
 */
@Controller
class LeaderboardPage {

	/** How many weeks before the shown one list their winners. */
	static final int PAST_WEEKS = 3;

	private static final DateTimeFormatter CLOSE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ShowLeaderboard leaderboard;

	private final WeekSchedule schedule;

	private final String currency;

	private final Clock clock;

	LeaderboardPage(ShowLeaderboard leaderboard, WeekSchedule schedule, LoyaltyProgram program, Clock clock) {
		this.leaderboard = leaderboard;
		this.schedule = schedule;
		this.currency = program.currency().getCurrencyCode();
		this.clock = clock;
	}

	@GetMapping("/console/leaderboard")
	Mono<String> week(@RequestParam(required = false) @Nullable String week, Model model) {
		LocalDate day = parse(week);
		return this.leaderboard.of(day).flatMap((board) -> {
			model.addAttribute("board", board);
			model.addAttribute("closes", closeOf(board.week()));
			model.addAttribute("zone", this.schedule.zone().getId());
			model.addAttribute("currency", this.currency);
			model.addAttribute("previous", dayIn(board.week().start().minus(Duration.ofDays(3))));
			model.addAttribute("next", board.week().closedAt(this.clock.instant())
					? dayIn(board.week().end().plus(Duration.ofDays(3))) : null);
			return past(board.week()).doOnNext((weeks) -> model.addAttribute("past", weeks));
		}).thenReturn("console/leaderboard");
	}

	/**
	 * The weeks before, newest first, each with its winners (awarded or at the close).
	 */
	private Mono<List<PastWeek>> past(Week shown) {
		return Flux.range(1, PAST_WEEKS)
			.map((back) -> dayIn(shown.start().minus(Duration.ofDays(7L * back - 3))))
			.concatMap(this.leaderboard::of)
			.map((board) -> new PastWeek(board, closeOf(board.week())))
			.collectList();
	}

	private String closeOf(Week week) {
		return CLOSE.format(week.end().atZone(this.schedule.zone()));
	}

	private LocalDate dayIn(java.time.Instant instant) {
		return instant.atZone(this.schedule.zone()).toLocalDate();
	}

	private static @Nullable LocalDate parse(@Nullable String week) {
		if (week == null || week.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(week);
		}
		catch (DateTimeParseException wrong) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
	}

	/**
	 * A week before the shown one.
	 *
	 * @param board its leaderboard
	 * @param closes its close, in the program's zone
	 */
	record PastWeek(LeaderboardView board, String closes) {
	}

}
