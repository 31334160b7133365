package dev.punchcard.core.imports.infrastructure;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.punchcard.core.imports.application.ImportFiles;
import dev.punchcard.core.imports.domain.ImportId;
import dev.punchcard.core.imports.domain.SourceLine;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

/**
 * Uploaded files in the data directory, written as they arrive and read back with FastCSV
 * (RFC 4180: quoted fields may hold commas, quotes and line breaks; UTF-8, a byte order
 * mark skipped), one record at a time on the bounded elastic scheduler.
 */
class CsvImportFiles implements ImportFiles {

	private final Path directory;

	private final long maxBytes;

	CsvImportFiles(Path directory, long maxBytes) {
		this.directory = directory;
		this.maxBytes = maxBytes;
	}

	@Override
	public Mono<Long> save(ImportId id, Flux<ByteBuffer> body) {
		Path file = fileOf(id);
		AtomicLong size = new AtomicLong();
		Flux<DataBuffer> limited = body.handle((chunk, sink) -> {
			if (size.addAndGet(chunk.remaining()) > this.maxBytes) {
				sink.error(new TooLarge(this.maxBytes));
			}
			else {
				sink.next(DefaultDataBufferFactory.sharedInstance.wrap(chunk));
			}
		});
		return Mono.fromCallable(() -> Files.createDirectories(this.directory))
			.subscribeOn(Schedulers.boundedElastic())
			.then(DataBufferUtils.write(limited, file))
			.then(Mono.fromCallable(size::get))
			.onErrorResume((error) -> delete(id).then(Mono.error(error)));
	}

	@Override
	public Flux<SourceLine> read(ImportId id) {
		return Flux.using(() -> Opened.of(fileOf(id)), Opened::lines, Opened::close)
			.subscribeOn(Schedulers.boundedElastic());
	}

	@Override
	public Mono<Void> delete(ImportId id) {
		return Mono.fromCallable(() -> Files.deleteIfExists(fileOf(id)))
			.subscribeOn(Schedulers.boundedElastic())
			.then();
	}

	@Override
	public long maxBytes() {
		return this.maxBytes;
	}

	private Path fileOf(ImportId id) {
		return this.directory.resolve(id + ".csv");
	}

	/** An open file, counting the bytes its reader took. */
	private record Opened(CountingStream counted, CsvReader<CsvRecord> reader) {

		static Opened of(Path file) throws IOException {
			CountingStream counted = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 65_536));
			CsvReader<CsvRecord> reader = CsvReader.builder()
				.allowExtraFields(true)
				.allowMissingFields(true)
				.detectBomHeader(true)
				.ofCsvRecord(counted, StandardCharsets.UTF_8);
			return new Opened(counted, reader);
		}

		Flux<SourceLine> lines() {
			return Flux.fromIterable(this.reader)
				.map((record) -> new SourceLine(record.getStartingLineNumber(), record.getFields(),
						this.counted.count()));
		}

		void close() {
			try {
				this.reader.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/** Counts the bytes read through it. */
	private static final class CountingStream extends FilterInputStream {

		private volatile long count;

		CountingStream(InputStream in) {
			super(in);
		}

		long count() {
			return this.count;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			if (read > 0) {
				this.count += read;
			}
			return read;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			this.count += skipped;
			return skipped;
		}

	}

}
