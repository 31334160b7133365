package dev.punchcard.core.reward.application;

import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.shared.domain.RewardId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Administrators keep the reward catalog; shoppers browse its active part. */
public class RewardCatalog {

	private final Rewards rewards;

	public RewardCatalog(Rewards rewards) {
		this.rewards = rewards;
	}

	/** Emits the new, active reward. */
	public Mono<Reward> create(String name, String description, long costPoints, @Nullable Integer stock) {
		return this.rewards.insert(new Reward(RewardId.random(), name, description, costPoints, stock, true));
	}

	/** Emits the changed reward, or completes empty when unknown. */
	public Mono<Reward> update(Reward reward) {
		return this.rewards.update(reward);
	}

	/** Emits the reward, or completes empty. */
	public Mono<Reward> find(RewardId id) {
		return this.rewards.findById(id);
	}

	/** Emits the rewards, cheapest first. */
	public Flux<Reward> list(boolean activeOnly) {
		return this.rewards.all(activeOnly);
	}

}
