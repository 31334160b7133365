package dev.punchcard.core.store.infrastructure;

import java.util.UUID;

import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.store.application.Stores;
import dev.punchcard.core.store.domain.Store;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class R2dbcStores implements Stores {

	private static final String COLUMNS = "id, code, name, active";

	private final DatabaseClient db;

	R2dbcStores(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Store> insertIfAbsent(Store store) {
		return this.db.sql("""
				INSERT INTO stores (id, code, name, active) VALUES (:id, :code, :name, :active)
				ON CONFLICT ON CONSTRAINT stores_code_key DO NOTHING
				""")
			.bind("id", store.id().value())
			.bind("code", store.code())
			.bind("name", store.name())
			.bind("active", store.active())
			.fetch()
			.rowsUpdated()
			.filter((inserted) -> inserted == 1L)
			.map((inserted) -> store);
	}

	@Override
	public Mono<Store> findByCode(String code) {
		return this.db.sql("SELECT " + COLUMNS + " FROM stores WHERE code = :code")
			.bind("code", code)
			.map(R2dbcStores::store)
			.one();
	}

	@Override
	public Mono<Store> findById(StoreId id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM stores WHERE id = :id")
			.bind("id", id.value())
			.map(R2dbcStores::store)
			.one();
	}

	@Override
	public Flux<Store> all() {
		return this.db.sql("SELECT " + COLUMNS + " FROM stores ORDER BY code").map(R2dbcStores::store).all();
	}

	private static Store store(Readable row) {
		return new Store(new StoreId(row.get("id", UUID.class)), row.get("code", String.class),
				row.get("name", String.class), Boolean.TRUE.equals(row.get("active", Boolean.class)));
	}

}
