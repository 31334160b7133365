package dev.punchcard.core.reward.infrastructure;

import java.util.UUID;

import dev.punchcard.core.reward.application.Rewards;
import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.shared.domain.RewardId;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class R2dbcRewards implements Rewards {

	private static final String COLUMNS = "id, name, description, cost_points, stock, active";

	private final DatabaseClient db;

	R2dbcRewards(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Reward> insert(Reward reward) {
		return this.db.sql("""
				INSERT INTO rewards (id, name, description, cost_points, stock, active)
				VALUES (:id, :name, :description, :cost, :stock, :active)
				""")
			.bind("id", reward.id().value())
			.bind("name", reward.name())
			.bind("description", reward.description())
			.bind("cost", reward.costPoints())
			.bind("stock", Parameter.fromOrEmpty(reward.stock(), Integer.class))
			.bind("active", reward.active())
			.then()
			.thenReturn(reward);
	}

	@Override
	public Mono<Reward> update(Reward reward) {
		return this.db.sql("""
				UPDATE rewards SET name = :name, description = :description, cost_points = :cost, stock = :stock,
				                   active = :active, updated_at = now()
				WHERE id = :id RETURNING
				""" + COLUMNS)
			.bind("id", reward.id().value())
			.bind("name", reward.name())
			.bind("description", reward.description())
			.bind("cost", reward.costPoints())
			.bind("stock", Parameter.fromOrEmpty(reward.stock(), Integer.class))
			.bind("active", reward.active())
			.map(R2dbcRewards::reward)
			.one();
	}

	@Override
	public Mono<Reward> findById(RewardId id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM rewards WHERE id = :id")
			.bind("id", id.value())
			.map(R2dbcRewards::reward)
			.one();
	}

	@Override
	public Flux<Reward> all(boolean activeOnly) {
		return this.db
			.sql("SELECT " + COLUMNS + " FROM rewards" + (activeOnly ? " WHERE active" : "")
					+ " ORDER BY cost_points, name")
			.map(R2dbcRewards::reward)
			.all();
	}

	@Override
	public Mono<Boolean> takeOne(RewardId id) {
		return this.db.sql("""
				UPDATE rewards SET stock = CASE WHEN stock IS NULL THEN NULL ELSE stock - 1 END
				WHERE id = :id AND active AND (stock IS NULL OR stock > 0)
				""").bind("id", id.value()).fetch().rowsUpdated().map((updated) -> updated == 1L);
	}

	@Override
	public Mono<Void> giveBackOne(RewardId id) {
		return this.db.sql("UPDATE rewards SET stock = stock + 1 WHERE id = :id AND stock IS NOT NULL")
			.bind("id", id.value())
			.then();
	}

	private static Reward reward(Readable row) {
		return new Reward(new RewardId(row.get("id", UUID.class)), row.get("name", String.class),
				row.get("description", String.class), row.get("cost_points", Long.class),
				row.get("stock", Integer.class), Boolean.TRUE.equals(row.get("active", Boolean.class)));
	}

}
