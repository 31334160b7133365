package dev.punchcard.core.imports.application;

import java.nio.ByteBuffer;

import dev.punchcard.core.imports.domain.ImportId;
import dev.punchcard.core.imports.domain.SourceLine;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where uploaded files are kept while they are imported, and how they are read. */
public interface ImportFiles {

	/**
	 * Writes the upload to the import's file as it arrives, never holding it whole. Emits
	 * its size, or errors with {@link TooLarge} (and leaves no file) once it passes the
	 * limit.
	 */
	Mono<Long> save(ImportId id, Flux<ByteBuffer> body);

	/**
	 * Streams the file's records, the header first (line 1), reading it as they are asked
	 * for.
	 */
	Flux<SourceLine> read(ImportId id);

	/** Deletes the import's file; completes when it is gone. */
	Mono<Void> delete(ImportId id);

	/** The largest upload accepted, in bytes. */
	long maxBytes();

	/** An upload passed the size limit. */
	final class TooLarge extends RuntimeException {

		public TooLarge(long maxBytes) {
			super("the upload is larger than " + maxBytes + " bytes");
		}

	}

}
