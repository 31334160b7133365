package dev.punchcard.core.store.application;

import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.store.domain.Store;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The brand's stores. */
public interface Stores {

	/** Emits the store if it was stored, or completes empty when its code is taken. */
	Mono<Store> insertIfAbsent(Store store);

	/** Emits the store with this code (case-sensitive), or completes empty. */
	Mono<Store> findByCode(String code);

	/** Emits the store, or completes empty. */
	Mono<Store> findById(StoreId id);

	/** Emits every store ordered by code. */
	Flux<Store> all();

}
