package dev.punchcard.core.store.infrastructure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.store.application.Stores;
import dev.punchcard.core.store.domain.Store;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps stores found by code for a short time: every purchase looks its store up, stores
 * almost never change, and the lookup was one of the purchase's database round trips. A
 * store opened here is visible at once; a change made on another instance shows after at
 * most {@code ttl}.
 */
class CachedStores implements Stores {

	private final Stores stores;

	private final Duration ttl;

	private final Map<String, Mono<Store>> byCode = new ConcurrentHashMap<>();

	CachedStores(Stores stores, Duration ttl) {
		this.stores = stores;
		this.ttl = ttl;
	}

	@Override
	public Mono<Store> insertIfAbsent(Store store) {
		return this.stores.insertIfAbsent(store).doOnNext((inserted) -> this.byCode.remove(inserted.code()));
	}

	@Override
	public Mono<Store> findByCode(String code) {
		if (this.byCode.size() > 10_000) {
			this.byCode.clear();
		}
		return this.byCode.computeIfAbsent(code, (key) -> this.stores.findByCode(key)
			.cache((found) -> this.ttl, (error) -> Duration.ZERO, () -> Duration.ZERO));
	}

	@Override
	public Mono<Store> findById(StoreId id) {
		return this.stores.findById(id);
	}

	@Override
	public Flux<Store> all() {
		return this.stores.all();
	}

}
