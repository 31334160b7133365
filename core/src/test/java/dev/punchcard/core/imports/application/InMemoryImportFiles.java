package dev.punchcard.core.imports.application;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.punchcard.core.imports.domain.ImportId;
import dev.punchcard.core.imports.domain.SourceLine;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Files in memory, read as simple comma-separated lines (no quoting: the CSV dialect is
 * the adapter's, tested against real files).
 */
public class InMemoryImportFiles implements ImportFiles {

	private final Map<ImportId, String> files = new ConcurrentHashMap<>();

	private final long maxBytes;

	public InMemoryImportFiles(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	public Mono<Long> save(ImportId id, Flux<ByteBuffer> body) {
		return body.map((buffer) -> StandardCharsets.UTF_8.decode(buffer).toString())
			.reduce(new StringBuilder(), StringBuilder::append)
			.flatMap((text) -> (text.length() > this.maxBytes) ? Mono.error(new TooLarge(this.maxBytes))
					: Mono.fromRunnable(() -> this.files.put(id, text.toString())).thenReturn((long) text.length()))
			.defaultIfEmpty(0L);
	}

	@Override
	public Flux<SourceLine> read(ImportId id) {
		String text = this.files.get(id);
		List<SourceLine> lines = new ArrayList<>();
		long read = 0;
		String[] rows = text.split("\n", -1);
		for (int i = 0; i < rows.length; i++) {
			read += rows[i].length() + 1;
			if (!rows[i].isEmpty()) {
				lines.add(new SourceLine(i + 1, Arrays.asList(rows[i].split(",", -1)), Math.min(read, text.length())));
			}
		}
		return Flux.fromIterable(lines);
	}

	@Override
	public Mono<Void> delete(ImportId id) {
		return Mono.fromRunnable(() -> this.files.remove(id));
	}

	@Override
	public long maxBytes() {
		return this.maxBytes;
	}

	public boolean exists(ImportId id) {
		return this.files.containsKey(id);
	}

}
