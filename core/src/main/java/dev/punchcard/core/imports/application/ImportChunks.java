package dev.punchcard.core.imports.application;

import java.util.List;

import dev.punchcard.core.imports.domain.CsvHeader;
import dev.punchcard.core.imports.domain.SourceLine;
import reactor.core.publisher.Mono;

/** Imports the lines of one kind of file, a chunk at a time. */
public interface ImportChunks {

	/** The columns a file of this kind must have. */
	List<String> requiredColumns();

	/**
	 * Imports the chunk; emits what happened to each line. Never errors for a bad line:
	 * it is rejected.
	 */
	Mono<ChunkResult> importChunk(CsvHeader header, List<SourceLine> lines, boolean historical);

}
