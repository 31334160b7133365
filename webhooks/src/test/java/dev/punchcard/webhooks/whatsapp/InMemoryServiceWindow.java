package dev.punchcard.webhooks.whatsapp;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/** Customer service windows in memory: open for the users marked open. */
final class InMemoryServiceWindow implements CustomerServiceWindow {

	private final Map<String, Instant> wrote = new ConcurrentHashMap<>();

	@Override
	public Mono<Void> userWrote(String userId, Instant at) {
		return Mono.fromRunnable(() -> this.wrote.merge(userId, at, (a, b) -> a.isAfter(b) ? a : b));
	}

	@Override
	public Mono<Boolean> isOpen(String userId) {
		return Mono.fromSupplier(
				() -> this.wrote.containsKey(userId) && this.wrote.get(userId).plus(LENGTH).isAfter(Instant.now()));
	}

	@Override
	public Mono<Void> closed(String userId) {
		return Mono.fromRunnable(() -> this.wrote.remove(userId));
	}

	boolean knows(String userId) {
		return this.wrote.containsKey(userId);
	}

}
