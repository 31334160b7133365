package dev.punchcard.bot.pacing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Rate limits in Redis, shared by every instance, as a generic cell rate algorithm
 * (GCRA): each limit's key holds the theoretical arrival time of its next message, and
 * {@link #take} reserves the next free slot of one or more limits together in one atomic
 * script call (one round trip, no retries under contention, Redis's own clock), then
 * completes when that slot's time has come. So messages wait their turn in order instead
 * of all trying at once, and a message counts against all its limits (its recipient's and
 * the bot's) or none. A wait longer than allowed reserves nothing and fails at once.
 * <p>
 * Bucket4j's compare-and-swap buckets did the same with a read and a conditional write
 * retried under contention; on the bot's single hot key they collapsed at 1,000 updates/s
 * (see BENCHMARKS.md), which this script does not.
 */
public final class SharedRateLimits {

	/**
	 * KEYS: the limits' keys; ARGV[1]: the longest wait (µs); then for each key its
	 * interval and tolerance (µs). Emits the wait in µs, or -1 when it would be longer
	 * than allowed (nothing reserved).
	 */
	private static final String SCRIPT = """
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
			local start = now
			local tats = {}
			for i, key in ipairs(KEYS) do
			  local tat = tonumber(redis.call('GET', key) or now)
			  if tat < now then tat = now end
			  tats[i] = tat
			  local allowed = tat - tonumber(ARGV[2 * i + 1])
			  if allowed > start then start = allowed end
			end
			if start - now > tonumber(ARGV[1]) then return -1 end
			for i, key in ipairs(KEYS) do
			  local tat = tats[i]
			  if start > tat then tat = start end
			  tat = tat + tonumber(ARGV[2 * i])
			  redis.call('SET', key, string.format('%.0f', tat), 'PX', math.ceil((tat - now) / 1000) + 1000)
			end
			return start - now
			""";

	private final RedisReactiveCommands<String, byte[]> redis;

	private final Scheduler timer;

	private final String sha;

	/**
	 * @param connection the limits' connection to Redis
	 * @param timer completes reserved waits
	 */
	public SharedRateLimits(StatefulRedisConnection<String, byte[]> connection, Scheduler timer) {
		this.redis = connection.reactive();
		this.timer = timer;
		this.sha = connection.sync().digest(SCRIPT);
	}

	/**
	 * Completes when a slot of {@code limit} under {@code key} is reserved and its time
	 * has come; errors with {@link RateLimitWaitTooLongException} at once when that would
	 * take longer than {@code maxWait} (and then reserves nothing).
	 */
	public Mono<Void> take(String key, Limit limit, Duration maxWait) {
		return take(List.of(new Slot(key, limit)), maxWait);
	}

	/**
	 * Completes when one slot of each limit is reserved, at the earliest time all of them
	 * allow, and that time has come; errors with {@link RateLimitWaitTooLongException} at
	 * once when that would take longer than {@code maxWait} (and then reserves nothing).
	 * On a Redis cluster the keys must share a hash tag.
	 */
	public Mono<Void> take(List<Slot> slots, Duration maxWait) {
		String[] keys = slots.stream().map(Slot::key).toArray(String[]::new);
		byte[][] arguments = new byte[1 + 2 * slots.size()][];
		arguments[0] = number(micros(maxWait));
		for (int i = 0; i < slots.size(); i++) {
			Limit limit = slots.get(i).limit();
			arguments[1 + 2 * i] = number(limit.intervalMicros());
			arguments[2 + 2 * i] = number(limit.intervalMicros() * (limit.burst() - 1));
		}
		return reserve(keys, arguments).flatMap((wait) -> {
			if (wait < 0) {
				return Mono.error(new RateLimitWaitTooLongException(keys[keys.length - 1], maxWait));
			}
			return (wait == 0) ? Mono.empty() : Mono.delay(Duration.ofNanos(wait * 1_000), this.timer).then();
		});
	}

	private Mono<Long> reserve(String[] keys, byte[][] arguments) {
		return this.redis.<Long>evalsha(this.sha, ScriptOutputType.INTEGER, keys, arguments)
			.single()
			.onErrorResume(RedisNoScriptException.class,
					(notLoaded) -> this.redis.<Long>eval(SCRIPT, ScriptOutputType.INTEGER, keys, arguments).single());
	}

	private static long micros(Duration duration) {
		return duration.toNanos() / 1_000;
	}

	private static byte[] number(long value) {
		return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * One limit's slot to reserve.
	 *
	 * @param key the limit's key in Redis, e.g. per recipient
	 * @param limit the limit
	 */
	public record Slot(String key, Limit limit) {
	}

	/**
	 * A limit: {@code count} messages per {@code per}, of which up to {@code burst} may
	 * go at once.
	 *
	 * @param count messages per period
	 * @param per the period
	 * @param burst how many may go at once
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

		/** The time between two messages at the sustained rate, in µs (at least 1). */
		long intervalMicros() {
			return Math.max(1, micros(this.per) / this.count);
		}

	}

}
