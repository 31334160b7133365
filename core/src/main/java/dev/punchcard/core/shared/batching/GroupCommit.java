package dev.punchcard.core.shared.batching;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Writes items in groups ("group commit"): the first item is written at once; items that
 * arrive while a write is under way wait for it and are written together in the next one
 * (up to {@code maxGroup} at a time). At low load every item is written alone and without
 * delay; under load one statement serves many items. Each item's result is emitted when
 * the statement that wrote it completed, and the statement's error when it failed.
 *
 * @param <T> the items
 * @param <R> what writing one item gives back
 */
public final class GroupCommit<T, R> {

	private final Function<List<T>, Mono<List<R>>> write;

	private final int maxGroup;

	private final Duration writeTimeout;

	private final Queue<Pending<T, R>> waiting = new ArrayDeque<>();

	private boolean writing;

	/**
	 * @param write writes one group of items; emits one result per item, in their order
	 * @param maxGroup the most items in one write
	 * @param writeTimeout the longest one write may take
	 */
	public GroupCommit(Function<List<T>, Mono<List<R>>> write, int maxGroup, Duration writeTimeout) {
		this.write = write;
		this.maxGroup = maxGroup;
		this.writeTimeout = writeTimeout;
	}

	/** Emits the item's result once the group it was written in is written. */
	public Mono<R> submit(T item) {
		return Mono.create((sink) -> {
			boolean startWriting;
			synchronized (this) {
				this.waiting.add(new Pending<>(item, sink));
				startWriting = !this.writing;
				this.writing = true;
			}
			if (startWriting) {
				writeNext();
			}
		});
	}

	private void writeNext() {
		List<Pending<T, R>> group = new ArrayList<>();
		synchronized (this) {
			while (group.size() < this.maxGroup && !this.waiting.isEmpty()) {
				group.add(this.waiting.poll());
			}
			if (group.isEmpty()) {
				this.writing = false;
				return;
			}
		}
		// the group-commit loop is its owner's own background work (STYLE §6.5): each
		// write is subscribed here, and its end starts the next one
		this.write.apply(group.stream().map(Pending::item).toList())
			.timeout(this.writeTimeout)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("a group write gave no results")))
			.subscribe((results) -> finish(group, results, null), (error) -> finish(group, null, error));
	}

	private void finish(List<Pending<T, R>> group, List<R> results, Throwable error) {
		for (int i = 0; i < group.size(); i++) {
			MonoSink<R> sink = group.get(i).sink();
			if (error != null) {
				sink.error(error);
			}
			else if (results.size() != group.size()) {
				sink.error(new IllegalStateException(
						"a group write of " + group.size() + " items gave " + results.size() + " results"));
			}
			else {
				sink.success(results.get(i));
			}
		}
		writeNext();
	}

	private record Pending<T, R>(T item, MonoSink<R> sink) {
	}

}
