package dev.punchcard.core.leaderboard.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import dev.punchcard.core.leaderboard.application.WeekAward.AlreadyAwarded;
import dev.punchcard.core.leaderboard.application.WeekAward.Awarded;
import dev.punchcard.core.leaderboard.domain.Prizes;
import dev.punchcard.core.leaderboard.domain.Standing;
import dev.punchcard.core.leaderboard.domain.Week;
import dev.punchcard.core.notification.application.Notification;
import dev.punchcard.core.notification.application.NotificationPayload.WeeklyTopPrize;
import dev.punchcard.core.notification.application.Notifications;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.shared.domain.Points;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Awards one closed week in one transaction: claims it (a unique row per week, so it
 * happens once across instances), ranks its members as they stood at the close, and
 * credits each winning place its prize as a {@code BONUS} ledger entry
 * ({@code WEEKLY_TOP}, {@code weekly-top:<start date>:<customer>}, unique) with the
 * winner recorded and told through the outbox. Winners' accounts are locked in
 * customer-id order first, as every points move locks its account before it writes. Tiers
 * follow net spend, not points, so a prize changes no tier.
 */
public class AwardWeek {

	/** The ledger source type of weekly prizes. */
	public static final String SOURCE_TYPE = "WEEKLY_TOP";

	private final LeaderboardWeeks weeks;

	private final WeeklySpend spend;

	private final PointsLedger ledger;

	private final Notifications notifications;

	private final Prizes prizes;

	public AwardWeek(LeaderboardWeeks weeks, WeeklySpend spend, PointsLedger ledger, Notifications notifications,
			Prizes prizes) {
		this.weeks = weeks;
		this.spend = spend;
		this.ledger = ledger;
		this.notifications = notifications;
		this.prizes = prizes;
	}

	/** The reference of a week's prizes: {@code weekly-top:<start date>}. */
	public static String reference(Week week) {
		return "weekly-top:" + week.startDate();
	}

	/**
	 * Emits {@link Awarded} for the caller that claimed the week, {@link AlreadyAwarded}
	 * if it was awarded before; errors only for infrastructure failures (then nothing is
	 * written and a later run tries again).
	 */
	@Transactional
	public Mono<WeekAward> award(Week week, Instant at) {
		return this.weeks.claim(week, at)
			.flatMap((claimed) -> claimed ? creditWinners(week, at) : Mono.just(new AlreadyAwarded(week)));
	}

	private Mono<WeekAward> creditWinners(Week week, Instant at) {
		return this.spend.standings(week, this.prizes.places(), null)
			.filter((standing) -> standing.place() <= this.prizes.places())
			.collectList()
			.flatMap((winners) -> lockAccounts(winners).thenMany(credit(week, winners, at)).collectList())
			.map((credited) -> new Awarded(week, credited));
	}

	private Mono<Void> lockAccounts(List<Standing> winners) {
		return Flux.fromIterable(winners)
			.sort(Comparator.comparing((Standing standing) -> standing.customerId().value().toString()))
			.concatMap((standing) -> this.ledger.lockAccount(standing.customerId()))
			.then();
	}

	private Flux<Winner> credit(Week week, List<Standing> winners, Instant at) {
		return Flux.fromIterable(winners).concatMap((standing) -> credit(week, standing, at));
	}

	private Mono<Winner> credit(Week week, Standing standing, Instant at) {
		Points points = this.prizes.forPlace(standing.place());
		String source = reference(week) + ":" + standing.customerId();
		LedgerEntry entry = LedgerEntry.of(standing.customerId(), points, EntryKind.BONUS,
				"weekly top: place " + standing.place() + " in the week of " + week.startDate(), SOURCE_TYPE, source,
				at);
		return this.ledger.append(entry)
			.flatMap((balance) -> this.weeks.recordWinner(week, standing, points)
				.then(this.notifications.enqueue(notice(week, standing, points, balance, source)))
				.thenReturn(new Winner(standing, points, balance)));
	}

	private Notification notice(Week week, Standing standing, Points points, Points balance, String key) {
		return new Notification(standing.customerId(), key,
				new WeeklyTopPrize(week.startDate().toString(), standing.place(), points.value(), balance.value()));
	}

}
