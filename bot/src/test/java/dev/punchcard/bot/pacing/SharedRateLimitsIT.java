package dev.punchcard.bot.pacing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dev.punchcard.bot.pacing.SharedRateLimits.Limit;
import dev.punchcard.core.support.TestRedis;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared buckets on real Redis, as two instances of the service use them: each has
 * its own connection, and the limit holds for both together.
 */
class SharedRateLimitsIT {

	private static RedisClient client;

	private static StatefulRedisConnection<String, byte[]> first;

	private static StatefulRedisConnection<String, byte[]> second;

	private static ScheduledExecutorService timer;

	@BeforeAll
	static void connect() {
		client = RedisClient.create(URI.create(TestRedis.urlFor(4)).toString());
		first = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
		second = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
		timer = Executors.newSingleThreadScheduledExecutor();
	}

	@AfterAll
	static void disconnect() {
		first.close();
		second.close();
		client.shutdown();
		timer.shutdownNow();
	}

	@Test
	void should_let_through_only_the_limit_per_second_when_two_instances_send_together() {
		SharedRateLimits one = limits(first);
		SharedRateLimits two = limits(second);
		String key = "test:number:" + UUID.randomUUID();
		Limit tenPerSecond = Limit.perSecond(10);

		long started = System.nanoTime();
		List<Long> doneAfterMillis = Flux.range(0, 30)
			.flatMap((i) -> ((i % 2 == 0) ? one : two).take(key, tenPerSecond, Duration.ofSeconds(10))
				.then(Mono.fromSupplier(() -> (System.nanoTime() - started) / 1_000_000)))
			.collectList()
			.block(Duration.ofSeconds(15));

		// 10 at once, then one every 100 ms, whichever instance asks: the (10 + k)-th
		// goes out no sooner than k × 100 ms after the start, the last after about 2 s
		assertThat(doneAfterMillis).hasSize(30);
		List<Long> sorted = doneAfterMillis.stream().sorted().toList();
		for (int k = 1; k < 20; k++) {
			assertThat(sorted.get(9 + k)).as("message %d", 10 + k).isGreaterThanOrEqualTo(k * 100L - 30);
		}
		assertThat(sorted.get(29)).isBetween(1_870L, 4_000L);
	}

	@Test
	void should_fail_at_once_and_reserve_nothing_when_the_wait_would_be_too_long() {
		SharedRateLimits limits = limits(first);
		String key = "test:recipient:" + UUID.randomUUID();
		Limit onePerMinute = Limit.onePer(Duration.ofMinutes(1), 1);

		limits.take(key, onePerMinute, Duration.ofSeconds(1)).as(StepVerifier::create).verifyComplete();
		long started = System.nanoTime();
		limits.take(key, onePerMinute, Duration.ofSeconds(1))
			.as(StepVerifier::create)
			.verifyError(RateLimitWaitTooLongException.class);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
		// another key has its own bucket
		limits.take(key + "-other", onePerMinute, Duration.ofSeconds(1)).as(StepVerifier::create).verifyComplete();
	}

	@Test
	void should_wait_for_the_next_token_when_the_burst_is_used_up() {
		SharedRateLimits limits = limits(first);
		String key = "test:pair:" + UUID.randomUUID();
		Limit pair = Limit.onePer(Duration.ofMillis(400), 2);

		long started = System.nanoTime();
		Flux.range(0, 3).concatMap((i) -> limits.take(key, pair, Duration.ofSeconds(5))).blockLast();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(300),
				Duration.ofMillis(2_000));
	}

	private static SharedRateLimits limits(StatefulRedisConnection<String, byte[]> connection) {
		return new SharedRateLimits(Bucket4jLettuce.casBasedBuilder(connection)
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(30)))
			.build()
			.asAsync(), timer);
	}

}
