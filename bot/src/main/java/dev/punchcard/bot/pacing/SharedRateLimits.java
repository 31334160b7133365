package dev.punchcard.bot.pacing;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis (Bucket4j), shared by every instance: {@link #take} reserves the
 * next free token of a limit and completes when its time has come, so messages wait their
 * turn in order instead of all trying at once. A wait longer than allowed reserves
 * nothing and fails at once.
 */
public final class SharedRateLimits {

	private final AsyncProxyManager<String> buckets;

	private final ScheduledExecutorService timer;

	/**
	 * @param buckets the buckets' store
	 * @param timer completes reserved waits (one thread is plenty: it only fires timers)
	 */
	public SharedRateLimits(AsyncProxyManager<String> buckets, ScheduledExecutorService timer) {
		this.buckets = buckets;
		this.timer = timer;
	}

	/**
	 * Completes when a token of {@code limit} under {@code key} is reserved and its time
	 * has come; errors with {@link RateLimitWaitTooLongException} at once when that would
	 * take longer than {@code maxWait} (and then reserves nothing).
	 */
	public Mono<Void> take(String key, Limit limit, Duration maxWait) {
		return Mono.fromFuture(() -> reserve(key, limit, maxWait))
			.flatMap((reserved) -> reserved ? Mono.<Void>empty()
					: Mono.error(new RateLimitWaitTooLongException(key, maxWait)));
	}

	private CompletableFuture<Boolean> reserve(String key, Limit limit, Duration maxWait) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(limit.burst()).refillGreedy(limit.count(), limit.per()).build())
			.build();
		return this.buckets.builder()
			.build(key, () -> CompletableFuture.completedFuture(configuration))
			.asScheduler()
			.tryConsume(1, maxWait, this.timer);
	}

	/**
	 * A limit: {@code count} tokens per {@code per}, of which up to {@code burst} may be
	 * taken at once.
	 *
	 * @param count tokens per period
	 * @param per the period
	 * @param burst the bucket's capacity
	 */
	public record Limit(long count, Duration per, long burst) {

		public Limit {
			if (count <= 0 || burst <= 0 || per.isNegative() || per.isZero()) {
				throw new IllegalArgumentException("a limit needs a positive count, period and burst");
			}
		}

		/** {@code count} per second, all of them at once at most. */
		public static Limit perSecond(long count) {
			return new Limit(count, Duration.ofSeconds(1), count);
		}

		/** One per {@code interval}, {@code burst} at once at most. */
		public static Limit onePer(Duration interval, long burst) {
			return new Limit(1, interval, burst);
		}

	}

}
