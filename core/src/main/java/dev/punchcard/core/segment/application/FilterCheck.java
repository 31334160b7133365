package dev.punchcard.core.segment.application;

import java.util.Map;

import dev.punchcard.core.segment.application.FilterDocument.Read;

import dev.punchcard.core.segment.domain.Criterion.HomeStoreIn;
import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.store.application.Stores;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a filter document and checks what only the data can tell: that its stores exist.
 */
public class FilterCheck {

	private final FilterDocument document;

	private final Stores stores;

	public FilterCheck(FilterDocument document, Stores stores) {
		this.document = document;
		this.stores = stores;
	}

	/**
	 * Emits the filter, or every field that is wrong; paths start with {@code prefix}.
	 */
	public Mono<Read> check(Map<String, ?> filter, String prefix) {
		Read read = this.document.read(filter, prefix);
		if (!(read instanceof Read.Valid valid)) {
			return Mono.just(read);
		}
		return Flux.fromIterable(valid.filter().criteria())
			.ofType(HomeStoreIn.class)
			.flatMapIterable(HomeStoreIn::stores)
			.concatMap((store) -> unknown(store))
			.map((store) -> new FieldError(prefix + ".homeStoreIds", "no store has id " + store))
			.collectList()
			.map((errors) -> errors.isEmpty() ? read : new Read.Invalid(errors));
	}

	private Mono<StoreId> unknown(StoreId store) {
		return this.stores.findById(store).hasElement().filter((known) -> !known).map((known) -> store);
	}

}
