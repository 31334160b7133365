package dev.punchcard.core.imports.application;

import dev.punchcard.core.imports.domain.ImportId;
import dev.punchcard.core.imports.domain.Rejection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads imports, their progress and their rejected lines (from any instance). */
public class ImportCatalog {

	/** The largest page of rejected lines. */
	public static final int MAX_PAGE = 1000;

	private final Imports imports;

	public ImportCatalog(Imports imports) {
		this.imports = imports;
	}

	/** Emits the import, or completes empty. */
	public Mono<ImportView> find(ImportId id) {
		return this.imports.find(id);
	}

	/** Emits a page of imports, newest first. */
	public Flux<ImportView> list(int page, int size) {
		return this.imports.list(page, size);
	}

	/** Emits up to {@code limit} rejected lines after the line number. */
	public Flux<Rejection> rejections(ImportId id, long afterLine, int limit) {
		return this.imports.rejections(id, afterLine, Math.min(limit, MAX_PAGE));
	}

	/** Emits every rejected line in line order. */
	public Flux<Rejection> allRejections(ImportId id) {
		return this.imports.allRejections(id);
	}

}
