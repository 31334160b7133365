package dev.punchcard.bot.pacing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;

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
 * Two kinds of sends share each budget: replies and notifications, which take their
 * limits' whole burst, and bulk sends (broadcasts), which {@link #takeSpare take} a slot
 * only at the sustained rate, never of the burst (no tolerance on the same key), so a
 * reply always finds the rest of the burst free and goes first. A platform's rate-limit
 * answer {@link #holdOff holds} a budget off for every instance at once.
 * <p>
 * Bucket4j's compare-and-swap buckets did the same with a read and a conditional write
 * retried under contention; on the bot's single hot key they collapsed at 1,000 updates/s
 * (see BENCHMARKS.md), which this script does not.
 */
public final class SharedRateLimits {

	/**
	 * KEYS: the limits' keys; ARGV[1]: the longest wait (µs); then for each key its
	 * interval and tolerance (µs). Emits the wait in µs, or -1 - the wait when it would
	 * be longer than allowed (nothing reserved).
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
			if start - now > tonumber(ARGV[1]) then return -1 - (start - now) end
			for i, key in ipairs(KEYS) do
			  local tat = tats[i]
			  if start > tat then tat = start end
			  tat = tat + tonumber(ARGV[2 * i])
			  redis.call('SET', key, string.format('%.0f', tat), 'PX', math.ceil((tat - now) / 1000) + 1000)
			end
			return start - now
			""";

	/**
	 * KEYS[1]: a limit's key; ARGV: the hold-off and the limit's tolerance (µs). Moves
	 * the key's next arrival time so that no slot is free before the hold-off has passed,
	 * and none of the burst right after it; an earlier hold-off never shortens a later
	 * one.
	 */
	private static final String HOLD_OFF_SCRIPT = """
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
			local tat = tonumber(redis.call('GET', KEYS[1]) or now)
			local held = now + tonumber(ARGV[1]) + tonumber(ARGV[2])
			if held > tat then
			  redis.call('SET', KEYS[1], string.format('%.0f', held), 'PX', math.ceil((held - now) / 1000) + 1000)
			end
			return 0
			""";

	private final RedisReactiveCommands<String, byte[]> redis;

	private final Scheduler timer;

	private final String sha;

	private final String holdOffSha;

	/**
	 * @param connection the limits' connection to Redis
	 * @param timer completes reserved waits
	 */
	public SharedRateLimits(StatefulRedisConnection<String, byte[]> connection, Scheduler timer) {
		this.redis = connection.reactive();
		this.timer = timer;
		this.sha = connection.sync().digest(SCRIPT);
		this.holdOffSha = connection.sync().digest(HOLD_OFF_SCRIPT);
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
		String[] keys = keys(slots);
		byte[][] arguments = arguments(slots, maxWait, 1, (limit) -> limit.intervalMicros() * (limit.burst() - 1));
		return reserve(keys, arguments).flatMap((wait) -> {
			if (wait < 0) {
				return Mono.error(new RateLimitWaitTooLongException(keys[keys.length - 1], maxWait));
			}
			return sleep(wait);
		});
	}

	/**
	 * A bulk send's turn: one slot of each limit at its sustained rate, never of its
	 * burst (no tolerance), so a reply arriving meanwhile still finds the burst free and
	 * goes first; and a slot is reserved only when its time is at most {@code horizon}
	 * away, so bulk sends never queue far ahead of the replies that come after them (keep
	 * the horizon well under a burst's worth of time). Until then it waits, without
	 * reserving, for the time the limits name, and asks again. Errors with
	 * {@link RateLimitWaitTooLongException} when no slot was reserved within
	 * {@code giveUpAfter}.
	 */
	public Mono<Void> takeSpare(List<Slot> slots, double share, Duration horizon, Duration giveUpAfter) {
		if (!(share > 0 && share <= 1)) {
			throw new IllegalArgumentException("a bulk share is above 0 and at most 1: " + share);
		}
		String[] keys = keys(slots);
		// no tolerance: one slot per (stretched) interval at most, none of the burst
		byte[][] arguments = arguments(slots, horizon, share, (limit) -> 0L);
		long giveUpMicros = micros(giveUpAfter);
		long startedNanos = System.nanoTime();
		return Mono.defer(() -> reserve(keys, arguments)).flatMap((wait) -> {
			if (wait >= 0) {
				return sleep(wait).thenReturn(true);
			}
			long needed = -1 - wait;
			long waitedMicros = (System.nanoTime() - startedNanos) / 1_000;
			if (waitedMicros + needed > giveUpMicros) {
				return Mono.error(new RateLimitWaitTooLongException(keys[keys.length - 1], giveUpAfter));
			}
			// ask again when the slot will be within the horizon
			return sleep(Math.max(1_000, needed - micros(horizon))).thenReturn(false);
		}).repeat().takeUntil(Boolean::booleanValue).then();
	}

	/**
	 * Frees no slot of {@code limit} under {@code key} for {@code wait}, for every
	 * instance (the platform answered that its limit was hit), and then lets it go on at
	 * its sustained rate, without a burst.
	 */
	public Mono<Void> holdOff(String key, Limit limit, Duration wait) {
		String[] keys = { key };
		byte[][] arguments = { number(micros(wait)), number(limit.intervalMicros() * (limit.burst() - 1)) };
		return this.redis.<Long>evalsha(this.holdOffSha, ScriptOutputType.INTEGER, keys, arguments)
			.onErrorResume(RedisNoScriptException.class,
					(notLoaded) -> this.redis.eval(HOLD_OFF_SCRIPT, ScriptOutputType.INTEGER, keys, arguments))
			.then();
	}

	private static String[] keys(List<Slot> slots) {
		return slots.stream().map(Slot::key).toArray(String[]::new);
	}

	/**
	 * The script's arguments: the longest wait, then each limit's interval (stretched by
	 * 1 / share) and tolerance, in µs.
	 */
	private static byte[][] arguments(List<Slot> slots, Duration longestWait, double share,
			ToLongFunction<Limit> tolerance) {
		byte[][] arguments = new byte[1 + 2 * slots.size()][];
		arguments[0] = number(micros(longestWait));
		for (int i = 0; i < slots.size(); i++) {
			Limit limit = slots.get(i).limit();
			arguments[1 + 2 * i] = number(Math.round(limit.intervalMicros() / share));
			arguments[2 + 2 * i] = number(tolerance.applyAsLong(limit));
		}
		return arguments;
	}

	private Mono<Void> sleep(long micros) {
		return (micros == 0) ? Mono.empty() : Mono.delay(Duration.ofNanos(micros * 1_000), this.timer).then();
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
