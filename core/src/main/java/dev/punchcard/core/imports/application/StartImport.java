package dev.punchcard.core.imports.application;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;

import dev.punchcard.core.imports.domain.ImportId;
import dev.punchcard.core.imports.domain.ImportKind;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An administrator uploads a members or purchases file: it is written to the data
 * directory as it arrives (never whole in memory), recorded as a RUNNING import, and
 * imported in the background by {@link RunImport}.
 */
public class StartImport {

	private final ImportFiles files;

	private final Imports imports;

	private final RunImport run;

	private final BackgroundImports background;

	private final Clock clock;

	public StartImport(ImportFiles files, Imports imports, RunImport run, BackgroundImports background, Clock clock) {
		this.files = files;
		this.imports = imports;
		this.run = run;
		this.background = background;
		this.clock = clock;
	}

	/** Emits what happened; never errors for business reasons. */
	public Mono<StartOutcome> start(ImportKind kind, boolean historical, @Nullable StaffId staff,
			Flux<ByteBuffer> body) {
		ImportId id = ImportId.random();
		return this.files.save(id, body)
			.flatMap((size) -> (size == 0) ? this.files.delete(id).thenReturn(new StartOutcome.Empty())
					: begin(id, kind, historical, staff, size))
			.onErrorResume(ImportFiles.TooLarge.class,
					(tooLarge) -> Mono.just(new StartOutcome.TooLarge(this.files.maxBytes())));
	}

	private Mono<StartOutcome> begin(ImportId id, ImportKind kind, boolean historical, @Nullable StaffId staff,
			long size) {
		return this.imports.create(id, kind, historical, size, staff, this.clock.instant())
			.flatMap((created) -> this.background.launch(id, this.run.run(created))
				.thenReturn(new StartOutcome.Started(created)));
	}

	/** The importers by kind, for wiring. */
	public static Map<ImportKind, ImportChunks> byKind(ImportChunks members, ImportChunks purchases) {
		return Map.of(ImportKind.MEMBERS, members, ImportKind.PURCHASES, purchases);
	}

}
