package dev.punchcard.core.reward.application;

import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.shared.domain.RewardId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The reward catalog. */
public interface Rewards {

	/** Stores a new reward and emits it. */
	Mono<Reward> insert(Reward reward);

	/** Replaces a reward's fields; emits it, or completes empty when unknown. */
	Mono<Reward> update(Reward reward);

	/** Emits the reward, or completes empty. */
	Mono<Reward> findById(RewardId id);

	/** Emits every reward, or only the active ones, cheapest first. */
	Flux<Reward> all(boolean activeOnly);

	/**
	 * Takes one unit of stock of an active reward. Emits true, or false when it is
	 * inactive or sold out.
	 */
	Mono<Boolean> takeOne(RewardId id);

	/** Puts one unit back (for a cancelled voucher) when the reward has a stock. */
	Mono<Void> giveBackOne(RewardId id);

}
