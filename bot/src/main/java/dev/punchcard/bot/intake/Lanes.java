package dev.punchcard.bot.intake;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A fixed number of queues, each worked through one item at a time; items with the same
 * key always share a queue, so they are handled one after the other in the order offered,
 * while different keys mostly proceed in parallel.
 */
final class Lanes<T> {

	private static final Logger log = LoggerFactory.getLogger(Lanes.class);

	private static final Sinks.EmitFailureHandler RETRY_WHEN_CONTENDED = Sinks.EmitFailureHandler
		.busyLooping(Duration.ofSeconds(1));

	private final List<Sinks.Many<T>> queues;

	Lanes(int count) {
		this.queues = IntStream.range(0, count)
			.mapToObj((i) -> Sinks.many().unicast().<T>onBackpressureBuffer())
			.toList();
	}

	/**
	 * Queues the item behind earlier items of the same key. An item that cannot be queued
	 * (the lanes were stopped) is dropped with a warning: callers keep the item
	 * elsewhere.
	 */
	void offer(String key, T item) {
		try {
			this.queues.get(Math.floorMod(key.hashCode(), this.queues.size())).emitNext(item, RETRY_WHEN_CONTENDED);
		}
		catch (Sinks.EmissionException ex) {
			log.warn("Could not queue {}: {}", item, ex.getReason());
		}
	}

	/**
	 * Works through all lanes with {@code work}, which must not error; subscribe once.
	 */
	Flux<Void> run(Function<T, Mono<Void>> work) {
		return Flux.merge(this.queues.stream().map((queue) -> queue.asFlux().concatMap(work)).toList());
	}

}
