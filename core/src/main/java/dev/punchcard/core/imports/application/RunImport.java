package dev.punchcard.core.imports.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.punchcard.core.imports.domain.CsvHeader;
import dev.punchcard.core.imports.domain.ImportKind;
import dev.punchcard.core.imports.domain.ImportState;
import dev.punchcard.core.imports.domain.SourceLine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Imports a stored file: checks its header, then reads its lines in chunks (one chunk in
 * memory at a time), imports each, and adds its counts and rejections to the import with
 * a fresh heartbeat; ends COMPLETED, FAILED (header or file unusable), or stops when
 * another instance marked it INTERRUPTED. The file is deleted at the end.
 */
public class RunImport {

	private static final Logger log = LoggerFactory.getLogger(RunImport.class);

	private final ImportFiles files;

	private final Imports imports;

	private final Map<ImportKind, ImportChunks> chunks;

	private final int chunkSize;

	private final Clock clock;

	public RunImport(ImportFiles files, Imports imports, Map<ImportKind, ImportChunks> chunks, int chunkSize,
			Clock clock) {
		this.files = files;
		this.imports = imports;
		this.chunks = chunks;
		this.chunkSize = chunkSize;
		this.clock = clock;
	}

	/**
	 * Emits the state the import ended in; errors only if even recording the failure
	 * failed.
	 */
	public Mono<ImportState> run(ImportView started) {
		ImportChunks importer = this.chunks.get(started.kind());
		AtomicReference<@Nullable CsvHeader> header = new AtomicReference<>();
		AtomicReference<@Nullable String> headerProblem = new AtomicReference<>();
		return this.files.read(started.id()).switchOnFirst((first, lines) -> {
			SourceLine headerLine = first.get();
			if (headerLine == null) {
				headerProblem.set("the file is empty");
				return Flux.empty();
			}
			CsvHeader.Result result = CsvHeader.of(headerLine.fields(), importer.requiredColumns());
			header.set(result.header());
			headerProblem.set(result.problem());
			return (result.header() == null) ? Flux.empty() : lines.skip(1);
		})
			.buffer(this.chunkSize)
			.concatMap((chunk) -> importChunk(started, importer, header.get(), chunk), 0)
			.takeWhile((stillRunning) -> stillRunning)
			.then(Mono.defer(() -> end(started, headerProblem.get())))
			.onErrorResume((error) -> failed(started, error))
			.flatMap((
					state) -> this.files.delete(started.id()).onErrorResume((error) -> Mono.empty()).thenReturn(state));
	}

	private Mono<Boolean> importChunk(ImportView started, ImportChunks importer, @Nullable CsvHeader header,
			List<SourceLine> chunk) {
		if (header == null) {
			return Mono.just(false);
		}
		long bytesRead = chunk.get(chunk.size() - 1).bytesRead();
		return importer.importChunk(header, chunk, started.historical())
			.flatMap(
					(result) -> this.imports.advance(
							started.id(), new ImportProgress(bytesRead, chunk.size(), result.accepted(),
									result.unchanged(), result.rejections().size()),
							result.rejections(), this.clock.instant()));
	}

	private Mono<ImportState> end(ImportView started, @Nullable String headerProblem) {
		ImportState state = (headerProblem == null) ? ImportState.COMPLETED : ImportState.FAILED;
		return this.imports.finish(started.id(), state, headerProblem, this.clock.instant())
			.map((finished) -> finished ? state : ImportState.INTERRUPTED);
	}

	private Mono<ImportState> failed(ImportView started, Throwable error) {
		log.warn("import {} failed", started.id(), error);
		return this.imports
			.finish(started.id(), ImportState.FAILED, "the file could not be read on: " + reason(error),
					this.clock.instant())
			.map((finished) -> finished ? ImportState.FAILED : ImportState.INTERRUPTED);
	}

	private static String reason(Throwable error) {
		String message = error.getMessage();
		return (message == null) ? error.getClass().getSimpleName()
				: message.substring(0, Math.min(message.length(), 300));
	}

}
