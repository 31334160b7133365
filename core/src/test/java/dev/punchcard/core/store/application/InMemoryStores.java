package dev.punchcard.core.store.application;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.store.domain.Store;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores in memory, with the guarantees of {@code R2dbcStores}: a code belongs to one
 * store (storing a second completes empty), codes are matched case-sensitively. Work
 * happens on subscription, one operation at a time.
 */
public class InMemoryStores implements Stores {

	private final Map<StoreId, Store> stores = new LinkedHashMap<>();

	@Override
	public Mono<Store> insertIfAbsent(Store store) {
		return Mono.fromSupplier(() -> insertNow(store));
	}

	@Override
	public Mono<Store> findByCode(String code) {
		return Mono.fromSupplier(() -> findByCodeNow(code));
	}

	@Override
	public Mono<Store> findById(StoreId id) {
		return Mono.fromSupplier(() -> findByIdNow(id));
	}

	@Override
	public Flux<Store> all() {
		return Flux.defer(() -> Flux.fromIterable(allNow()));
	}

	/** Stores the store and returns it; fails when its code is taken. */
	public Store save(Store store) {
		Store saved = insertNow(store);
		if (saved == null) {
			throw new IllegalStateException("store code taken: " + store.code());
		}
		return saved;
	}

	/** The store with this id, or null; what a join on {@code stores} would find. */
	public @Nullable Store find(StoreId id) {
		return findByIdNow(id);
	}

	private synchronized @Nullable Store insertNow(Store store) {
		if (findByCodeNow(store.code()) != null) {
			return null;
		}
		if (this.stores.containsKey(store.id())) {
			throw new DuplicateKeyException("stores_pkey");
		}
		this.stores.put(store.id(), store);
		return store;
	}

	private synchronized @Nullable Store findByCodeNow(String code) {
		return this.stores.values().stream().filter((store) -> store.code().equals(code)).findFirst().orElse(null);
	}

	private synchronized @Nullable Store findByIdNow(StoreId id) {
		return this.stores.get(id);
	}

	private synchronized List<Store> allNow() {
		return this.stores.values().stream().sorted(Comparator.comparing(Store::code)).toList();
	}

}
