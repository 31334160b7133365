package dev.punchcard.bot.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Marks handled updates done in groups: the first mark is written at once; marks that
 * arrive while a write is under way wait for it and are written together in the next one
 * (up to {@code maxBatch} at a time). At low load every mark is written alone and without
 * delay; under load one statement serves many updates. Each mark completes when the
 * statement that wrote it did, and errors when that statement failed (the update then
 * stays claimed and the sweeper handles it again).
 */
final class DoneMarks {

	private final Function<Collection<String>, Mono<Void>> write;

	private final int maxBatch;

	private final Duration writeTimeout;

	private final Queue<Pending> waiting = new ArrayDeque<>();

	private boolean writing;

	/**
	 * @param write writes one group of update ids as done
	 * @param maxBatch the most ids in one write
	 * @param writeTimeout the longest one write may take
	 */
	DoneMarks(Function<Collection<String>, Mono<Void>> write, int maxBatch, Duration writeTimeout) {
		this.write = write;
		this.maxBatch = maxBatch;
		this.writeTimeout = writeTimeout;
	}

	/** Completes when the update is recorded as done. */
	Mono<Void> mark(String updateId) {
		return Mono.create((sink) -> {
			boolean startWriting;
			synchronized (this) {
				this.waiting.add(new Pending(updateId, sink));
				startWriting = !this.writing;
				this.writing = true;
			}
			if (startWriting) {
				writeNext();
			}
		});
	}

	private void writeNext() {
		List<Pending> group = new ArrayList<>();
		synchronized (this) {
			while (group.size() < this.maxBatch && !this.waiting.isEmpty()) {
				group.add(this.waiting.poll());
			}
			if (group.isEmpty()) {
				this.writing = false;
				return;
			}
		}
		// the group-commit loop is this edge's own background work (STYLE §6.5): each
		// write is subscribed here, and its end starts the next one
		this.write.apply(group.stream().map(Pending::updateId).toList())
			.timeout(this.writeTimeout)
			.subscribe(null, (error) -> finish(group, error), () -> finish(group, null));
	}

	private void finish(List<Pending> group, Throwable error) {
		for (Pending pending : group) {
			if (error == null) {
				pending.sink().success();
			}
			else {
				pending.sink().error(error);
			}
		}
		writeNext();
	}

	private record Pending(String updateId, MonoSink<Void> sink) {
	}

}
