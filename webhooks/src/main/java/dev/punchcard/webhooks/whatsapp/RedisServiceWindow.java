package dev.punchcard.webhooks.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * The customer service windows in Redis, shared by all instances: the exact time of each
 * user's last message, expiring with its window. A notice is sent as free text only while
 * at least the margin is left, so that it does not arrive just after the window closed;
 * without a record (never wrote, or Redis lost it) the window counts as closed, which
 * sends a template where free text might have gone, never the other way round.
 */
class RedisServiceWindow implements CustomerServiceWindow {

	/** Keeps the later of the stored and the given time, and expires with its window. */
	private static final RedisScript<Long> KEEP_LATER = RedisScript.of("""
			local stored = tonumber(redis.call('GET', KEYS[1]) or '0')
			if tonumber(ARGV[1]) > stored then
			  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			  return 1
			end
			return 0
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final String prefix;

	private final Duration margin;

	private final Clock clock;

	RedisServiceWindow(ReactiveStringRedisTemplate redis, String phoneNumberId, Duration margin, Clock clock) {
		this.redis = redis;
		this.prefix = "whatsapp:window:" + phoneNumberId + ":";
		this.margin = margin;
		this.clock = clock;
	}

	@Override
	public Mono<Void> userWrote(String userId, Instant at) {
		Instant now = this.clock.instant();
		Instant wrote = at.isAfter(now) ? now : at;
		long left = Duration.between(now, wrote.plus(LENGTH)).toMillis();
		if (left <= 0) {
			return Mono.empty();
		}
		return this.redis
			.execute(KEEP_LATER, List.of(this.prefix + userId),
					List.of(Long.toString(wrote.toEpochMilli()), Long.toString(left)))
			.then();
	}

	@Override
	public Mono<Boolean> isOpen(String userId) {
		Instant latest = this.clock.instant().plus(this.margin);
		return this.redis.opsForValue()
			.get(this.prefix + userId)
			.map((wrote) -> Instant.ofEpochMilli(Long.parseLong(wrote)).plus(LENGTH).isAfter(latest))
			.defaultIfEmpty(false);
	}

	@Override
	public Mono<Void> closed(String userId) {
		return this.redis.delete(this.prefix + userId).then();
	}

}
