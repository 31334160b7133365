package dev.punchcard.core.leaderboard.application;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import dev.punchcard.core.customer.application.InMemoryCustomers;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.leaderboard.application.LeaderboardView.State;
import dev.punchcard.core.leaderboard.application.WeekAward.Awarded;
import dev.punchcard.core.leaderboard.domain.Climb;
import dev.punchcard.core.leaderboard.domain.Prizes;
import dev.punchcard.core.leaderboard.domain.Standing;
import dev.punchcard.core.leaderboard.domain.WeekSchedule;
import dev.punchcard.core.notification.application.InMemoryNotifications;
import dev.punchcard.core.notification.application.NotificationPayload.WeeklyTopPrize;
import dev.punchcard.core.points.application.InMemoryPointsLedger;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class AwardWeeklyTopTest {

	private static final WeekSchedule SUNDAYS = new WeekSchedule(DayOfWeek.SUNDAY, LocalTime.of(23, 59),
			ZoneId.of("UTC"));

	/** A Wednesday; its week closes on 2026-12-06T23:59Z. */
	private static final Instant FIRST_RUN = Instant.parse("2026-12-02T10:00:00Z");

	private static final Instant FIRST_CLOSE = Instant.parse("2026-12-06T23:59:00Z");

	private final InMemoryPointsLedger ledger = new InMemoryPointsLedger();

	private final InMemoryCustomers customers = new InMemoryCustomers(this.ledger);

	private final InMemoryNotifications notifications = new InMemoryNotifications();

	private final InMemoryLeaderboard board = new InMemoryLeaderboard();

	private final Prizes prizes = new Prizes(List.of(500L, 300L, 200L));

	private final AwardWeek awardWeek = new AwardWeek(this.board, this.board, this.ledger, this.notifications,
			this.prizes);

	private final Customer ann = member("Ann Smith");

	private final Customer bob = member("Bob Jones");

	private final Customer cem = member("Cem Aydın");

	private final Customer dora = member("Dora");

	@Test
	void should_record_the_start_point_and_award_nothing_when_the_feature_runs_for_the_first_time() {
		this.board.spend(this.ann.id(), "Ann S.", 100_00, FIRST_RUN.minus(Duration.ofDays(10)));

		runAt(FIRST_RUN).as(StepVerifier::create).verifyComplete();

		assertThat(this.board.startPoint()).isEqualTo(FIRST_CLOSE);
		assertThat(this.ledger.entriesOf(this.ann.id(), EntryKind.BONUS)).isEmpty();
	}

	@Test
	void should_credit_the_prizes_of_the_places_once_and_tell_each_winner_when_the_week_closed() {
		runAt(FIRST_RUN).then().block();
		this.board.spend(this.ann.id(), "Ann S.", 50_00, FIRST_RUN);
		this.board.spend(this.bob.id(), "Bob J.", 80_00, FIRST_RUN.plusSeconds(60));
		this.board.spend(this.cem.id(), "Cem A.", 50_00, FIRST_RUN.plusSeconds(120));
		this.board.spend(this.dora.id(), "Dora", 10_00, FIRST_RUN.plusSeconds(180));

		List<WeekAward> first = runAt(FIRST_CLOSE.plusSeconds(30)).collectList().block();
		List<WeekAward> again = runAt(FIRST_CLOSE.plusSeconds(90)).collectList().block();

		assertThat(first).singleElement()
			.isInstanceOfSatisfying(Awarded.class,
					(awarded) -> assertThat(awarded.winners()).extracting((winner) -> winner.standing().name())
						.containsExactly("Bob J.", "Ann S.", "Cem A."));
		assertThat(again).isEmpty();
		assertThat(bonuses(this.bob)).extracting((entry) -> entry.delta().value()).containsExactly(500L);
		assertThat(bonuses(this.ann)).extracting((entry) -> entry.delta().value()).containsExactly(300L);
		assertThat(bonuses(this.cem)).extracting((entry) -> entry.delta().value()).containsExactly(200L);
		assertThat(bonuses(this.dora)).isEmpty();
		assertThat(bonuses(this.bob).get(0).sourceId()).isEqualTo("weekly-top:2026-11-29:" + this.bob.id());
		assertThat(this.notifications.queuedFor(this.ann.id()))
			.containsExactly(new WeeklyTopPrize("2026-11-29", 2, 300, 300));
		assertThat(this.ledger.mismatchesNow()).isEmpty();
	}

	@Test
	void should_award_every_missed_week_in_order_when_the_service_comes_back_late() {
		runAt(FIRST_RUN).then().block();
		this.board.spend(this.ann.id(), "Ann S.", 10_00, FIRST_RUN);
		this.board.spend(this.bob.id(), "Bob J.", 10_00, FIRST_CLOSE.plus(Duration.ofDays(2)));

		List<WeekAward> late = runAt(FIRST_CLOSE.plus(Duration.ofDays(15))).collectList().block();

		assertThat(late).extracting((award) -> award.week().startDate())
			.containsExactly(LocalDate.parse("2026-11-29"), LocalDate.parse("2026-12-06"),
					LocalDate.parse("2026-12-13"));
		assertThat(bonuses(this.ann)).hasSize(1);
		assertThat(bonuses(this.bob)).hasSize(1);
	}

	@Test
	void should_answer_already_awarded_and_write_nothing_when_the_week_is_claimed_twice() {
		var week = SUNDAYS.weekAt(FIRST_RUN);
		this.board.spend(this.ann.id(), "Ann S.", 10_00, FIRST_RUN);
		this.awardWeek.award(week, FIRST_CLOSE).block();

		this.awardWeek.award(week, FIRST_CLOSE)
			.as(StepVerifier::create)
			.expectNext(new WeekAward.AlreadyAwarded(week))
			.verifyComplete();
		assertThat(bonuses(this.ann)).hasSize(1);
	}

	@Test
	void should_show_standings_so_far_then_the_awarded_result_when_staff_look_at_a_week() {
		this.board.spend(this.ann.id(), "Ann S.", 10_00, FIRST_RUN);
		ShowLeaderboard during = new ShowLeaderboard(SUNDAYS, this.board, this.board, this.prizes,
				TestClock.at(FIRST_RUN.plusSeconds(5)));
		ShowLeaderboard after = new ShowLeaderboard(SUNDAYS, this.board, this.board, this.prizes,
				TestClock.at(FIRST_CLOSE.plusSeconds(5)));

		LeaderboardView running = during.of(null).block();
		LeaderboardView closed = after.of(LocalDate.parse("2026-12-02")).block();
		runAt(FIRST_RUN).then().block();
		runAt(FIRST_CLOSE).then().block();
		// a purchase that lands in the closed week later (a late import) changes no
		// result
		this.board.spend(this.bob.id(), "Bob J.", 99_00, FIRST_RUN);
		LeaderboardView awarded = after.of(LocalDate.parse("2026-12-02")).block();

		assertThat(running.state()).isEqualTo(State.IN_PROGRESS);
		assertThat(running.places()).extracting((place) -> place.prize().value()).containsExactly(500L);
		assertThat(closed.state()).isEqualTo(State.CLOSED);
		assertThat(awarded.state()).isEqualTo(State.AWARDED);
		assertThat(awarded.places()).extracting((place) -> place.standing().name()).containsExactly("Ann S.");
	}

	@Test
	void should_show_a_member_their_place_and_what_to_spend_when_they_ask_for_the_top() {
		this.board.spend(this.ann.id(), "Ann S.", 50_00, FIRST_RUN);
		this.board.spend(this.bob.id(), "Bob J.", 20_00, FIRST_RUN);
		ShowStanding standing = new ShowStanding(SUNDAYS, this.board, this.customers, this.prizes,
				TestClock.at(FIRST_RUN.plusSeconds(5)));

		var bobs = standing.of(this.bob.id()).block();
		var doras = standing.of(this.dora.id()).block();

		assertThat(bobs.mine()).extracting(Standing::place).isEqualTo(2);
		assertThat(bobs.climb()).isInstanceOfSatisfying(Climb.PassAbove.class,
				(pass) -> assertThat(pass.minor()).isEqualTo(30_01));
		assertThat(doras.mine()).isNull();
		assertThat(doras.climb()).isEqualTo(new Climb.Start(1));
		standing.of(dev.punchcard.core.shared.domain.CustomerId.random()).as(StepVerifier::create).verifyComplete();
	}

	private reactor.core.publisher.Flux<WeekAward> runAt(Instant now) {
		return new AwardWeeklyTop(SUNDAYS, this.board, this.awardWeek, TestClock.at(now)).awardDue();
	}

	private List<LedgerEntry> bonuses(Customer customer) {
		return this.ledger.entriesOf(customer.id(), EntryKind.BONUS);
	}

	private Customer member(String name) {
		return this.customers.save(CustomerFixture.aCustomer().named(name).build());
	}

}
