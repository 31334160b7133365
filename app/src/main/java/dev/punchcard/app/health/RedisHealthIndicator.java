package dev.punchcard.app.health;

import java.time.Duration;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Redis in the overall health ({@code redis}): {@code UP} when it answers a {@code PING}
 * in time, else {@code DEGRADED}, which the status order ranks between {@code DOWN} and
 * {@code UP} and maps to HTTP 200. Without Redis, chat conversations answer with an
 * apology and login throttling is counted per instance, while the staff API keeps
 * recording purchases; so an unreachable Redis must not take an instance out of a load
 * balancer. Replaces Spring Boot's own Redis indicator, which reports {@code DOWN}.
 */
@Component("redisHealthIndicator")
class RedisHealthIndicator implements ReactiveHealthIndicator {

	/**
	 * Working, with some features impaired. No description: the status is shown to
	 * anyone, and which protections are weakened is for administrators (the details)
	 * only.
	 */
	static final Status DEGRADED = new Status("DEGRADED");

	private static final String IMPACT = "chat flows answer with an apology and login throttling is counted per instance; "
			+ "purchases work";

	private static final Duration PING_TIMEOUT = Duration.ofSeconds(1);

	private final ReactiveRedisConnectionFactory connections;

	RedisHealthIndicator(ReactiveRedisConnectionFactory connections) {
		this.connections = connections;
	}

	@Override
	public Mono<Health> health() {
		return Mono
			.usingWhen(Mono.fromSupplier(this.connections::getReactiveConnection), (connection) -> connection.ping(),
					ReactiveRedisConnection::closeLater)
			// a broken shared connection is re-made synchronously: not on the event loop
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(PING_TIMEOUT)
			.map((pong) -> Health.up().build())
			// a health check reports every failure instead of passing it on
			.onErrorResume((error) -> Mono.just(degraded(error)));
	}

	private static Health degraded(Throwable error) {
		return Health.status(DEGRADED)
			.withDetail("error", error.getClass().getName())
			.withDetail("impact", IMPACT)
			.build();
	}

}
