package dev.punchcard.core.imports.application;

import dev.punchcard.core.imports.domain.ImportId;
import reactor.core.publisher.Mono;

/** Runs imports in the background of this instance, stopped when it shuts down. */
public interface BackgroundImports {

	/** Starts the work detached from the caller; completes at once. */
	Mono<Void> launch(ImportId id, Mono<?> work);

}
