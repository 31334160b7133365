package dev.punchcard.core.leaderboard.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import dev.punchcard.core.shared.domain.CustomerId;

/**
 * The order of a week's standings: higher net spend first; among equal net spend, the
 * member whose running net spend in the week first reached their final total earlier
 * (each purchase adds its amount at its time, each counted refund takes its amount off at
 * its time); then, should both times be equal too, the smaller customer id, so the order
 * is total. The SQL of the standings applies the same rule; this is its reference and the
 * fakes' implementation.
 */
public final class Ranking {

	/** The order itself. */
	public static final Comparator<Total> ORDER = Comparator.comparingLong(Total::netMinor)
		.reversed()
		.thenComparing(Total::reachedAt)
		.thenComparing((total) -> total.customerId().value().toString());

	private Ranking() {
	}

	/** Places the members' totals: members with no positive net spend do not rank. */
	public static List<Standing> rank(List<Total> totals) {
		List<Total> sorted = totals.stream().filter((total) -> total.netMinor() > 0).sorted(ORDER).toList();
		return IntStream.range(0, sorted.size()).mapToObj((i) -> sorted.get(i).placed(i + 1)).toList();
	}

	/**
	 * A member's total in a week.
	 *
	 * @param customerId the member
	 * @param name their short name
	 * @param netMinor their net spend
	 * @param reachedAt when their running net spend first reached it
	 */
	public record Total(CustomerId customerId, String name, long netMinor, Instant reachedAt) {

		Standing placed(int place) {
			return new Standing(place, this.customerId, this.name, this.netMinor, this.reachedAt);
		}

	}

}
