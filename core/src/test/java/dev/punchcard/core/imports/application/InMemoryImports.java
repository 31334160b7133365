package dev.punchcard.core.imports.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.punchcard.core.imports.domain.ImportId;
import dev.punchcard.core.imports.domain.ImportKind;
import dev.punchcard.core.imports.domain.ImportState;
import dev.punchcard.core.imports.domain.Rejection;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Imports in memory, guarded as the SQL guards them (only a RUNNING import advances or
 * ends).
 */
public class InMemoryImports implements Imports {

	private final Map<ImportId, ImportView> imports = new LinkedHashMap<>();

	private final Map<ImportId, TreeMap<Long, String>> rejections = new LinkedHashMap<>();

	/** Every progress update, in order. */
	public final List<ImportView> updates = new ArrayList<>();

	@Override
	public synchronized Mono<ImportView> create(ImportId id, ImportKind kind, boolean historical, long fileBytes,
			@Nullable StaffId createdBy, Instant now) {
		ImportView view = new ImportView(id, kind, ImportState.RUNNING, historical, fileBytes, 0, 0, 0, 0, 0, null, now,
				now, null);
		this.imports.put(id, view);
		this.rejections.put(id, new TreeMap<>());
		return Mono.just(view);
	}

	@Override
	public synchronized Mono<Boolean> advance(ImportId id, ImportProgress progress, List<Rejection> rejections,
			Instant now) {
		ImportView v = this.imports.get(id);
		if (v == null || v.state() != ImportState.RUNNING) {
			return Mono.just(false);
		}
		ImportView next = new ImportView(id, v.kind(), v.state(), v.historical(), v.fileBytes(),
				Math.max(v.bytesRead(), progress.bytesRead()), v.rowsRead() + progress.rowsRead(),
				v.accepted() + progress.accepted(), v.unchanged() + progress.unchanged(),
				v.rejected() + progress.rejected(), null, v.startedAt(), now, null);
		this.imports.put(id, next);
		this.updates.add(next);
		rejections.forEach((rejection) -> this.rejections.get(id).putIfAbsent(rejection.lineNo(), rejection.reason()));
		return Mono.just(true);
	}

	@Override
	public synchronized Mono<Boolean> finish(ImportId id, ImportState state, @Nullable String failure, Instant now) {
		ImportView v = this.imports.get(id);
		if (v == null || v.state() != ImportState.RUNNING) {
			return Mono.just(false);
		}
		this.imports.put(id,
				new ImportView(id, v.kind(), state, v.historical(), v.fileBytes(),
						(state == ImportState.COMPLETED) ? v.fileBytes() : v.bytesRead(), v.rowsRead(), v.accepted(),
						v.unchanged(), v.rejected(), failure, v.startedAt(), now, now));
		return Mono.just(true);
	}

	@Override
	public synchronized Mono<Long> interruptStale(Instant heartbeatBefore, Instant now) {
		long marked = 0;
		for (ImportView v : List.copyOf(this.imports.values())) {
			if (v.state() == ImportState.RUNNING && v.heartbeatAt().isBefore(heartbeatBefore)) {
				this.imports.put(v.id(),
						new ImportView(v.id(), v.kind(), ImportState.INTERRUPTED, v.historical(), v.fileBytes(),
								v.bytesRead(), v.rowsRead(), v.accepted(), v.unchanged(), v.rejected(), "stale",
								v.startedAt(), v.heartbeatAt(), now));
				marked++;
			}
		}
		return Mono.just(marked);
	}

	@Override
	public synchronized Mono<ImportView> find(ImportId id) {
		return Mono.justOrEmpty(this.imports.get(id));
	}

	@Override
	public synchronized Flux<ImportView> list(int page, int size) {
		return Flux.fromIterable(this.imports.values()
			.stream()
			.sorted(Comparator.comparing(ImportView::startedAt).reversed())
			.skip((long) page * size)
			.limit(size)
			.toList());
	}

	@Override
	public synchronized Flux<Rejection> rejections(ImportId id, long afterLine, int limit) {
		return Flux.fromIterable(this.rejections.getOrDefault(id, new TreeMap<>())
			.tailMap(afterLine, false)
			.entrySet()
			.stream()
			.limit(limit)
			.map((entry) -> new Rejection(entry.getKey(), entry.getValue()))
			.toList());
	}

	@Override
	public Flux<Rejection> allRejections(ImportId id) {
		return rejections(id, 0, Integer.MAX_VALUE);
	}

	/** Marks the import INTERRUPTED as another instance's watch would. */
	public synchronized void interrupt(ImportId id) {
		ImportView v = this.imports.get(id);
		this.imports.put(id,
				new ImportView(id, v.kind(), ImportState.INTERRUPTED, v.historical(), v.fileBytes(), v.bytesRead(),
						v.rowsRead(), v.accepted(), v.unchanged(), v.rejected(), "stale", v.startedAt(),
						v.heartbeatAt(), v.heartbeatAt()));
	}

}
