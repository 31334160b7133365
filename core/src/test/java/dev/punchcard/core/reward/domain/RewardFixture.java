package dev.punchcard.core.reward.domain;

import dev.punchcard.core.shared.domain.RewardId;
import org.jspecify.annotations.Nullable;

/**
 * Builds rewards for tests: an active coffee for 30 points with unlimited stock by
 * default.
 */
public final class RewardFixture {

	private String name = "Coffee";

	private long costPoints = 30;

	private @Nullable Integer stock;

	private boolean active = true;

	private RewardFixture() {
	}

	public static RewardFixture aReward() {
		return new RewardFixture();
	}

	public RewardFixture named(String name) {
		this.name = name;
		return this;
	}

	public RewardFixture costing(long points) {
		this.costPoints = points;
		return this;
	}

	public RewardFixture withStock(int units) {
		this.stock = units;
		return this;
	}

	public RewardFixture inactive() {
		this.active = false;
		return this;
	}

	public Reward build() {
		return new Reward(RewardId.random(), this.name, "", this.costPoints, this.stock, this.active);
	}

}
