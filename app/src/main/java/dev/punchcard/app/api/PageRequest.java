package dev.punchcard.app.api;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Validated paging parameters: page from 0 to {@value #MAX_PAGE}, size 1 to
 * {@value #MAX_SIZE}. It answers the bad-paging problem itself, so every paged list says
 * the same thing about the same mistake.
 */
record PageRequest(int page, int size) {

	static final int MAX_PAGE = 1_000_000;

	static final int MAX_SIZE = 100;

	/** The page, or empty when the parameters are out of range. */
	static Optional<PageRequest> of(int page, int size) {
		if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
			return Optional.empty();
		}
		return Optional.of(new PageRequest(page, size));
	}

	/**
	 * A 200 with the page's rows as a JSON array, or the 400 problem of
	 * {@link #invalid()} when the parameters are out of range (then nothing is read).
	 */
	static Mono<ResponseEntity<Object>> list(int page, int size, Function<PageRequest, Flux<?>> rows) {
		return of(page, size)
			.map((request) -> rows.apply(request).collectList().map((found) -> ResponseEntity.ok().<Object>body(found)))
			.orElseGet(() -> Mono.just(invalid()));
	}

	/** The 400 problem for paging parameters out of range. */
	static ResponseEntity<Object> invalid() {
		return Problems.badRequest("page must be 0 to " + MAX_PAGE + " and size 1 to " + MAX_SIZE + ".");
	}

}
