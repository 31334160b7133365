package dev.punchcard.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Counts login attempts per username and per client address in fixed Redis windows
 * ({@code INCR} + {@code EXPIRE}), so every instance behind a load balancer shares the
 * same counts.
 * <p>
 * Logins keep working while Redis is unreachable: after a Redis call failed or took
 * longer than {@code shared-timeout}, attempts are counted in this instance's memory with
 * the same limits ({@link LocalLoginCounts}) and Redis is tried again after
 * {@code shared-retry-after}. The outage is logged once when it starts and once when it
 * ends. Staff at the till must be able to log in to record purchases, which do not need
 * Redis; a 503 would stop them for no gain, and the local counts still stop guessing.
 */
@Component
public class LoginAttempts {

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	private final ReactiveStringRedisTemplate redis;

	private final LoginThrottleProperties properties;

	private final Clock clock;

	private final LocalLoginCounts local;

	/**
	 * While set, the time after which Redis is tried again; null while Redis is in use.
	 */
	private final AtomicReference<Instant> outageRetryAt = new AtomicReference<>();

	LoginAttempts(ReactiveStringRedisTemplate redis, LoginThrottleProperties properties, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
		this.local = new LocalLoginCounts(clock);
	}

	/**
	 * Counts this attempt; emits how long to wait when over a limit, or
	 * {@link Duration#ZERO} when allowed. Never errors because Redis is unreachable.
	 */
	public Mono<Duration> attempt(String username, String address) {
		String userKey = "login:user:" + username.toLowerCase(Locale.ROOT);
		String addressKey = "login:addr:" + address;
		Instant retryAt = this.outageRetryAt.get();
		if (retryAt != null && this.clock.instant().isBefore(retryAt)) {
			return Mono.fromSupplier(() -> countLocally(userKey, addressKey));
		}
		// Lettuce re-connects synchronously, on the thread that asks for a connection,
		// when the shared connection broke: off the event loop, so that the timeout
		// answers in time
		return Mono.defer(() -> shared(userKey, addressKey))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.properties.sharedTimeout())
			.doOnSuccess((wait) -> sharedCountsWorked())
			.onErrorResume(LoginAttempts::redisUnreachable, (error) -> fallBack(error, userKey, addressKey));
	}

	private Mono<Duration> shared(String userKey, String addressKey) {
		return count(userKey, this.properties.perUsername()).zipWith(count(addressKey, this.properties.perAddress()),
				LoginAttempts::longer);
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

	private Mono<Duration> fallBack(Throwable error, String userKey, String addressKey) {
		Instant retryAt = this.clock.instant().plus(this.properties.sharedRetryAfter());
		if (this.outageRetryAt.getAndSet(retryAt) == null) {
			log.warn("Redis is unreachable ({}); login attempts are counted in this instance only until it is back",
					error.toString());
		}
		return Mono.fromSupplier(() -> countLocally(userKey, addressKey));
	}

	private Duration countLocally(String userKey, String addressKey) {
		return longer(this.local.count(userKey, this.properties.perUsername(), this.properties.window()),
				this.local.count(addressKey, this.properties.perAddress(), this.properties.window()));
	}

	private void sharedCountsWorked() {
		if (this.outageRetryAt.getAndSet(null) != null) {
			this.local.clear();
			log.info("Redis is reachable again; login attempts are counted in Redis again");
		}
	}

	private static boolean redisUnreachable(Throwable error) {
		return error instanceof TimeoutException || error instanceof DataAccessResourceFailureException
				|| error instanceof QueryTimeoutException || error instanceof RedisSystemException;
	}

	private static Duration longer(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

}
