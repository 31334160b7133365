package dev.punchcard.core.store.application;

import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.store.domain.Store;
import reactor.core.publisher.Mono;

/** An administrator opens a store with a unique code. */
public class OpenStore {

	private final Stores stores;

	public OpenStore(Stores stores) {
		this.stores = stores;
	}

	/** Emits the new store, or completes empty when the code is already taken. */
	public Mono<Store> open(String code, String name) {
		return this.stores.insertIfAbsent(new Store(StoreId.random(), code, name, true));
	}

}
