package dev.punchcard.app.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import dev.punchcard.core.leaderboard.application.LeaderboardView;
import dev.punchcard.core.leaderboard.application.ShowLeaderboard;
import dev.punchcard.core.leaderboard.application.ShowStanding;
import dev.punchcard.core.leaderboard.domain.Climb;
import dev.punchcard.core.leaderboard.domain.MemberStanding;
import dev.punchcard.core.leaderboard.domain.Standing;
import dev.punchcard.core.leaderboard.domain.Week;
import dev.punchcard.core.leaderboard.domain.WeekSchedule;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.shared.domain.CustomerId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The weekly leaderboard for staff: a week's winning places (the running week's so far, a
 * closed week's awarded result), and one member's place with what they need to climb.
 * Names are shortened as members see them.
 */
@RestController
class LeaderboardController {

	private final ShowLeaderboard leaderboard;

	private final ShowStanding standing;

	private final WeekSchedule schedule;

	private final String currency;

	LeaderboardController(ShowLeaderboard leaderboard, ShowStanding standing, WeekSchedule schedule,
			LoyaltyProgram program) {
		this.leaderboard = leaderboard;
		this.standing = standing;
		this.schedule = schedule;
		this.currency = program.currency().getCurrencyCode();
	}

	@GetMapping("/api/v1/leaderboard")
	Mono<ResponseEntity<Object>> week(@RequestParam(name = "week", required = false) @Nullable String week) {
		LocalDate day;
		try {
			day = (week == null) ? null : LocalDate.parse(week);
		}
		catch (DateTimeParseException wrong) {
			return Mono.just(Problems.badRequest("week must be a date like 2026-11-29 (any day of the week)."));
		}
		return this.leaderboard.of(day).map((view) -> ResponseEntity.ok().<Object>body(response(view)));
	}

	@GetMapping("/api/v1/customers/{id}/leaderboard")
	Mono<ResponseEntity<Object>> member(@PathVariable UUID id) {
		return this.standing.of(new CustomerId(id))
			.map((found) -> ResponseEntity.ok().<Object>body(response(found)))
			.switchIfEmpty(Mono.fromSupplier(() -> CustomerController.unknown(id)));
	}

	private LeaderboardResponse response(LeaderboardView view) {
		return new LeaderboardResponse(week(view.week()), view.state().name(), this.currency,
				view.places()
					.stream()
					.map((place) -> PlaceResponse.of(place.standing(), place.prize().value()))
					.toList());
	}

	private MemberResponse response(MemberStanding member) {
		return new MemberResponse(week(member.week()), this.currency,
				member.top().stream().map((place) -> PlaceResponse.of(place, null)).toList(),
				(member.mine() != null) ? PlaceResponse.of(member.mine(), null) : null,
				ClimbResponse.of(member.climb()));
	}

	private WeekResponse week(Week week) {
		return new WeekResponse(week.startDate().toString(), week.start(), week.end(), this.schedule.zone().getId());
	}

	record WeekResponse(String weekStart, Instant start, Instant end, String timeZone) {
	}

	record LeaderboardResponse(WeekResponse week, String state, String currency, List<PlaceResponse> places) {
	}

	record MemberResponse(WeekResponse week, String currency, List<PlaceResponse> top, @Nullable PlaceResponse mine,
			ClimbResponse climb) {
	}

	record PlaceResponse(int place, String customerId, String name, long netSpendMinor, Instant reachedAt,
			@Nullable Long prizePoints) {

		static PlaceResponse of(Standing standing, @Nullable Long prize) {
			return new PlaceResponse(standing.place(), standing.customerId().toString(), standing.name(),
					standing.netMinor(), standing.reachedAt(), prize);
		}

	}

	/**
	 * What a member needs: {@code LEADING}, {@code PASS_ABOVE} (the amount to pass the
	 * place above), {@code ENTER_TOP} or {@code START} (the amount to enter the winning
	 * places).
	 */
	record ClimbResponse(String kind, @Nullable Long amountMinor, @Nullable Integer abovePlace) {

		static ClimbResponse of(Climb climb) {
			return switch (climb) {
				case Climb.Leading leading -> new ClimbResponse("LEADING", null, null);
				case Climb.PassAbove pass -> new ClimbResponse("PASS_ABOVE", pass.minor(), pass.above().place());
				case Climb.EnterTop enter -> new ClimbResponse("ENTER_TOP", enter.minor(), null);
				case Climb.Start start -> new ClimbResponse("START", start.minor(), null);
			};
		}

	}

}
