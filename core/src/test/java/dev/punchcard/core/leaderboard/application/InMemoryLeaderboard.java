package dev.punchcard.core.leaderboard.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.punchcard.core.leaderboard.domain.Ranking;
import dev.punchcard.core.leaderboard.domain.Ranking.Total;
import dev.punchcard.core.leaderboard.domain.Standing;
import dev.punchcard.core.leaderboard.domain.Week;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Both leaderboard ports in memory: purchases as (member, amount, time) events ranked by
 * {@link Ranking}, awarded weeks in a map (claims are atomic per week).
 */
class InMemoryLeaderboard implements WeeklySpend, LeaderboardWeeks {

	private final List<Spend> spends = new ArrayList<>();

	private final Map<Instant, List<Standing>> awarded = new LinkedHashMap<>();

	private @Nullable Instant start;

	synchronized void spend(CustomerId customer, String name, long minor, Instant at) {
		this.spends.add(new Spend(customer, name, minor, at));
	}

	@Override
	public Flux<Standing> standings(Week week, int places, @Nullable CustomerId member) {
		return Flux.defer(() -> Flux.fromIterable(rank(week)))
			.filter((standing) -> standing.place() <= places || standing.customerId().equals(member));
	}

	private synchronized List<Standing> rank(Week week) {
		Map<CustomerId, Total> totals = new HashMap<>();
		this.spends.stream()
			.filter((spend) -> week.contains(spend.at()))
			.sorted(Comparator.comparing(Spend::at))
			.forEach((spend) -> totals.merge(spend.customer(),
					new Total(spend.customer(), spend.name(), spend.minor(), spend.at()),
					(was, add) -> new Total(was.customerId(), was.name(), was.netMinor() + add.netMinor(),
							add.reachedAt())));
		return Ranking.rank(List.copyOf(totals.values()));
	}

	@Override
	public synchronized Mono<Instant> startPoint(Instant firstWeekEnd) {
		return Mono.fromSupplier(() -> {
			synchronized (this) {
				if (this.start == null) {
					this.start = firstWeekEnd;
				}
				return this.start;
			}
		});
	}

	@Override
	public Flux<Instant> awardedSince(Instant from) {
		return Flux.defer(() -> {
			synchronized (this) {
				return Flux.fromIterable(List.copyOf(this.awarded.keySet()));
			}
		}).filter((weekStart) -> !weekStart.isBefore(from));
	}

	@Override
	public Mono<Boolean> claim(Week week, Instant at) {
		return Mono.fromSupplier(() -> {
			synchronized (this) {
				return this.awarded.putIfAbsent(week.start(), new ArrayList<>()) == null;
			}
		});
	}

	@Override
	public Mono<Void> recordWinner(Week week, Standing winner, Points points) {
		return Mono.fromRunnable(() -> {
			synchronized (this) {
				this.awarded.get(week.start()).add(winner);
			}
		});
	}

	@Override
	public Flux<Standing> winnersOf(Week week) {
		return Flux.defer(() -> {
			synchronized (this) {
				return Flux.fromIterable(List.copyOf(this.awarded.getOrDefault(week.start(), List.of())));
			}
		});
	}

	@Override
	public Mono<Boolean> isAwarded(Week week) {
		return Mono.fromSupplier(() -> {
			synchronized (this) {
				return this.awarded.containsKey(week.start());
			}
		});
	}

	synchronized @Nullable Instant startPoint() {
		return this.start;
	}

	record Spend(CustomerId customer, String name, long minor, Instant at) {
	}

}
