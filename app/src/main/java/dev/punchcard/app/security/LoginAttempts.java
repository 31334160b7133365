package dev.punchcard.app.security;

import java.time.Duration;
import java.util.Locale;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts login attempts per username and per client address in fixed Redis windows
 * ({@code INCR} + {@code EXPIRE}), so every instance behind a load balancer shares the
 * same counts.
 */
@Component
public class LoginAttempts {

	private final ReactiveStringRedisTemplate redis;

	private final LoginThrottleProperties properties;

	LoginAttempts(ReactiveStringRedisTemplate redis, LoginThrottleProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Counts this attempt; emits how long to wait when over a limit, or
	 * {@link Duration#ZERO} when allowed.
	 */
	public Mono<Duration> attempt(String username, String address) {
		return count("login:user:" + username.toLowerCase(Locale.ROOT), this.properties.perUsername())
			.zipWith(count("login:addr:" + address, this.properties.perAddress()), this::longer);
	}

	private Mono<Duration> count(String key, int limit) {
		return this.redis.opsForValue()
			.increment(key)
			.flatMap((attempts) -> expireOnFirst(key, attempts).thenReturn(attempts))
			.flatMap((attempts) -> attempts <= limit ? Mono.just(Duration.ZERO) : retryAfter(key));
	}

	private Mono<Boolean> expireOnFirst(String key, long attempts) {
		return attempts == 1 ? this.redis.expire(key, this.properties.window()) : Mono.just(true);
	}

	private Mono<Duration> retryAfter(String key) {
		return this.redis.getExpire(key)
			.filter((ttl) -> !ttl.isNegative() && !ttl.isZero())
			// a key without TTL (a crash between INCR and EXPIRE) gets one now, so nobody
			// is locked out forever
			.switchIfEmpty(this.redis.expire(key, this.properties.window()).thenReturn(this.properties.window()));
	}

	private Duration longer(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

}
