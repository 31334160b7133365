package dev.punchcard.core.broadcast.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * Kept statuses in memory with {@code R2dbcEarlyStatuses}' guarantees for the catch-up:
 * one applied takes a kept status away, the oldest first, only if its message was
 * settled. Ranking is SQL, proved by the IT; here a status is its message id. Work
 * happens on subscription.
 */
class InMemoryEarlyStatuses implements EarlyStatuses {

	private final List<Kept> kept = new ArrayList<>();

	private final Set<String> settled = new HashSet<>();

	private final List<String> applied = new ArrayList<>();

	private final List<Integer> batches = new ArrayList<>();

	synchronized void keep(String messageId, Instant receivedAt) {
		this.kept.add(new Kept(messageId, receivedAt));
	}

	/** A recipient now has the message id (its settle did not apply what was kept). */
	synchronized void settle(String messageId) {
		this.settled.add(messageId);
	}

	synchronized List<String> applied() {
		return List.copyOf(this.applied);
	}

	synchronized List<String> kept() {
		return this.kept.stream().map(Kept::messageId).toList();
	}

	/** How many statuses each call of {@link #applySettled} applied, in order. */
	synchronized List<Integer> batches() {
		return List.copyOf(this.batches);
	}

	@Override
	public Mono<Long> forgetKeptBefore(Instant before) {
		return Mono.fromSupplier(() -> {
			synchronized (this) {
				int was = this.kept.size();
				this.kept.removeIf((status) -> status.receivedAt().isBefore(before));
				return (long) (was - this.kept.size());
			}
		});
	}

	@Override
	public Mono<Long> applySettled(Instant keptSince, int max) {
		return Mono.fromSupplier(() -> {
			synchronized (this) {
				List<Kept> taken = this.kept.stream()
					.filter((status) -> !status.receivedAt().isBefore(keptSince))
					.filter((status) -> this.settled.contains(status.messageId()))
					.sorted(Comparator.comparing(Kept::receivedAt))
					.limit(max)
					.toList();
				this.kept.removeAll(taken);
				taken.forEach((status) -> this.applied.add(status.messageId()));
				this.batches.add(taken.size());
				return (long) taken.size();
			}
		});
	}

	private record Kept(String messageId, Instant receivedAt) {
	}

}
