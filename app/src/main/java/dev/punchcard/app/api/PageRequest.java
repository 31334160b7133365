package dev.punchcard.app.api;

import java.util.Optional;

/** Validated paging parameters: page from 0, size 1-100. */
record PageRequest(int page, int size) {

	static final int MAX_SIZE = 100;

	/** The page, or empty when the parameters are out of range. */
	static Optional<PageRequest> of(int page, int size) {
		if (page < 0 || page > 1_000_000 || size < 1 || size > MAX_SIZE) {
			return Optional.empty();
		}
		return Optional.of(new PageRequest(page, size));
	}

}
