package dev.punchcard.core.points.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What is left of a member's lots, derived without per-lot bookkeeping. Consumption
 * (redemptions, refunds, negative adjustments, expiries) always takes the lots that
 * expire first, points that never expire last; under one policy those are the oldest.
 * Ordering the lots so, with running sums {@code S_i} and the total consumed {@code C},
 * lot {@code i} still holds {@code clamp(S_i - C, 0, points_i)}. The lots already due are
 * always a prefix of that order, so an expiry consumes exactly them and a second look
 * finds nothing left to expire. Lots that share an expiry instant are only ever summed
 * together, so their order among themselves does not matter.
 */
public final class ExpiringLots {

	private static final Comparator<Lot> SOONEST_FIRST = Comparator.comparing(Lot::expiresAt,
			Comparator.nullsLast(Comparator.naturalOrder()));

	private final Map<Instant, Long> leftByExpiry;

	/**
	 * @param lots the member's positive entries (those that never expire may be left out:
	 * they come last)
	 * @param consumed the sum of all the member's negative entries, as a positive number
	 */
	public ExpiringLots(List<Lot> lots, long consumed) {
		if (consumed < 0) {
			throw new IllegalArgumentException("consumption is counted as a positive number: " + consumed);
		}
		this.leftByExpiry = leftOf(lots.stream().sorted(SOONEST_FIRST).toList(), consumed);
	}

	private static Map<Instant, Long> leftOf(List<Lot> ordered, long consumed) {
		Map<Instant, Long> left = new LinkedHashMap<>();
		long running = 0;
		for (Lot lot : ordered) {
			running = Math.addExact(running, lot.points());
			long remainder = Math.min(Math.max(running - consumed, 0), lot.points());
			@Nullable Instant expiresAt = lot.expiresAt();
			if (expiresAt != null && remainder > 0) {
				left.merge(expiresAt, remainder, Long::sum);
			}
		}
		return left;
	}

	/** Points due by the instant (inclusive), one per expiry instant, soonest first. */
	public List<DueExpiry> dueBy(Instant at) {
		List<DueExpiry> due = new ArrayList<>();
		this.leftByExpiry.forEach((expiresAt, points) -> {
			if (!expiresAt.isAfter(at)) {
				due.add(new DueExpiry(expiresAt, points));
			}
		});
		return due;
	}

	/** The next points to expire after the instant, if any. */
	public Optional<DueExpiry> nextAfter(Instant at) {
		return this.leftByExpiry.entrySet()
			.stream()
			.filter((left) -> left.getKey().isAfter(at))
			.findFirst()
			.map((left) -> new DueExpiry(left.getKey(), left.getValue()));
	}

}
