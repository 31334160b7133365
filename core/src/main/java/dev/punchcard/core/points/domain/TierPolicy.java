package dev.punchcard.core.points.domain;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The tiers of the program, lowest first, and the rolling window of net spend that
 * decides them.
 */
public final class TierPolicy {

	private final List<Tier> tiers;

	private final Duration window;

	public TierPolicy(List<Tier> tiers, Duration window) {
		if (tiers.isEmpty()) {
			throw new IllegalArgumentException("at least one tier is needed");
		}
		this.tiers = tiers.stream().sorted(Comparator.comparingLong(Tier::thresholdMinor)).toList();
		if (this.tiers.get(0).thresholdMinor() != 0) {
			throw new IllegalArgumentException("the lowest tier must start at a net spend of 0");
		}
		if (this.tiers.stream().map(Tier::name).distinct().count() != this.tiers.size()) {
			throw new IllegalArgumentException("tier names must be unique");
		}
		this.window = window;
	}

	/**
	 * The highest tier whose threshold the net spend reaches; a negative spend counts as
	 * zero.
	 */
	public Tier tierFor(long netSpendMinor) {
		Tier reached = this.tiers.get(0);
		for (Tier tier : this.tiers) {
			if (netSpendMinor >= tier.thresholdMinor()) {
				reached = tier;
			}
		}
		return reached;
	}

	/**
	 * The tier with this name, or the lowest tier when the name is no longer configured.
	 */
	public Tier named(String name) {
		return this.tiers.stream().filter((tier) -> tier.name().equals(name)).findFirst().orElse(this.tiers.get(0));
	}

	/** The next tier above this one, if any. */
	public Optional<Tier> above(Tier tier) {
		return this.tiers.stream()
			.filter((candidate) -> candidate.thresholdMinor() > tier.thresholdMinor())
			.findFirst();
	}

	public Duration window() {
		return this.window;
	}

	public List<Tier> tiers() {
		return this.tiers;
	}

}
