package dev.punchcard.core.reward.application;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.shared.domain.RewardId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reward catalog in memory, with the guarantees of {@code R2dbcRewards}: a unit of
 * stock is taken only from an active reward that has one left (stock never goes below
 * zero; no stock means unlimited), and a unit given back returns to a counted stock
 * whether or not the reward is still active. Work happens on subscription, one operation
 * at a time.
 */
public class InMemoryRewards implements Rewards {

	private final Map<RewardId, Reward> rewards = new LinkedHashMap<>();

	@Override
	public Mono<Reward> insert(Reward reward) {
		return Mono.fromSupplier(() -> insertNow(reward));
	}

	@Override
	public Mono<Reward> update(Reward reward) {
		return Mono.fromSupplier(() -> updateNow(reward));
	}

	@Override
	public Mono<Reward> findById(RewardId id) {
		return Mono.fromSupplier(() -> find(id));
	}

	@Override
	public Flux<Reward> all(boolean activeOnly) {
		return Flux.defer(() -> Flux.fromIterable(allNow(activeOnly)));
	}

	@Override
	public Mono<Boolean> takeOne(RewardId id) {
		return Mono.fromSupplier(() -> takeOneNow(id));
	}

	@Override
	public Mono<Void> giveBackOne(RewardId id) {
		return Mono.fromRunnable(() -> giveBackOneNow(id));
	}

	/** Stores the reward and returns it. */
	public Reward save(Reward reward) {
		return insertNow(reward);
	}

	/** The reward as stored now, or null. */
	public synchronized @Nullable Reward find(RewardId id) {
		return this.rewards.get(id);
	}

	/** Units left now; null for an unlimited stock. */
	public synchronized @Nullable Integer stockOf(RewardId id) {
		Reward reward = this.rewards.get(id);
		if (reward == null) {
			throw new IllegalStateException("no reward " + id);
		}
		return reward.stock();
	}

	private synchronized Reward insertNow(Reward reward) {
		if (this.rewards.putIfAbsent(reward.id(), reward) != null) {
			throw new DuplicateKeyException("rewards_pkey");
		}
		return reward;
	}

	private synchronized @Nullable Reward updateNow(Reward reward) {
		return this.rewards.replace(reward.id(), reward) != null ? reward : null;
	}

	private synchronized List<Reward> allNow(boolean activeOnly) {
		return this.rewards.values()
			.stream()
			.filter((reward) -> !activeOnly || reward.active())
			.sorted(Comparator.comparingLong(Reward::costPoints).thenComparing(Reward::name))
			.toList();
	}

	private synchronized boolean takeOneNow(RewardId id) {
		Reward reward = this.rewards.get(id);
		if (reward == null || !reward.active() || (reward.stock() != null && reward.stock() <= 0)) {
			return false;
		}
		if (reward.stock() != null) {
			this.rewards.put(id, withStock(reward, reward.stock() - 1));
		}
		return true;
	}

	private synchronized void giveBackOneNow(RewardId id) {
		Reward reward = this.rewards.get(id);
		if (reward != null && reward.stock() != null) {
			this.rewards.put(id, withStock(reward, reward.stock() + 1));
		}
	}

	private static Reward withStock(Reward reward, int stock) {
		return new Reward(reward.id(), reward.name(), reward.description(), reward.costPoints(), stock,
				reward.active());
	}

}
