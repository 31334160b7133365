package dev.punchcard.core.imports.application;

import java.time.Instant;
import java.util.List;

import dev.punchcard.core.imports.domain.ImportId;
import dev.punchcard.core.imports.domain.ImportKind;
import dev.punchcard.core.imports.domain.ImportState;
import dev.punchcard.core.imports.domain.Rejection;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Imports, their progress and their rejected lines. */
public interface Imports {

	/** Stores a new RUNNING import; emits it. */
	Mono<ImportView> create(ImportId id, ImportKind kind, boolean historical, long fileBytes,
			@Nullable StaffId createdBy, Instant now);

	/**
	 * Adds a chunk's counts and rejections and refreshes the heartbeat, in one statement.
	 * Emits true, or false when the import is no longer RUNNING (another instance marked
	 * it INTERRUPTED): then stop.
	 */
	Mono<Boolean> advance(ImportId id, ImportProgress progress, List<Rejection> rejections, Instant now);

	/** Ends a RUNNING import in the state; emits whether it was still running. */
	Mono<Boolean> finish(ImportId id, ImportState state, @Nullable String failure, Instant now);

	/**
	 * Marks RUNNING imports whose heartbeat is older than the instant INTERRUPTED; emits
	 * how many.
	 */
	Mono<Long> interruptStale(Instant heartbeatBefore, Instant now);

	/** Emits the import, or completes empty. */
	Mono<ImportView> find(ImportId id);

	/** Emits a page of imports, newest first. */
	Flux<ImportView> list(int page, int size);

	/** Emits up to {@code limit} rejected lines after the line number, in line order. */
	Flux<Rejection> rejections(ImportId id, long afterLine, int limit);

	/** Emits every rejected line in line order, reading them in pages. */
	Flux<Rejection> allRejections(ImportId id);

}
