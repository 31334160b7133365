package dev.punchcard.bot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.punchcard.bot.pacing.RateLimitWaitTooLongException;
import dev.punchcard.bot.pacing.SharedRateLimits;
import dev.punchcard.core.support.TestRedis;
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
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telegram's limits counted for the bot across two instances on real Redis: the bot's
 * rate holds for both together, a chat's rate for each chat.
 */
class SharedTelegramPacingIT {

	private static RedisClient client;

	private static StatefulRedisConnection<String, byte[]> first;

	private static StatefulRedisConnection<String, byte[]> second;

	@BeforeAll
	static void connect() {
		client = RedisClient.create(URI.create(TestRedis.urlFor(4)).toString());
		first = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
		second = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
	}

	@AfterAll
	static void disconnect() {
		first.close();
		second.close();
		client.shutdown();
	}

	@Test
	void should_keep_the_bots_rate_for_two_instances_together_and_each_chats_own() {
		String bot = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));
		TelegramProperties.RateLimits limits = new TelegramProperties.RateLimits(1, 1, 20, 5, Duration.ofSeconds(5),
				true);
		SharedTelegramPacing one = new SharedTelegramPacing(new SharedRateLimits(first, Schedulers.parallel()), bot,
				limits);
		SharedTelegramPacing two = new SharedTelegramPacing(new SharedRateLimits(second, Schedulers.parallel()), bot,
				limits);

		long started = System.nanoTime();
		List<Long> doneAfterMillis = Flux.range(0, 25)
			.flatMap((i) -> ((i % 2 == 0) ? one : two).awaitTurn("chat-" + i)
				.then(Mono.fromSupplier(() -> (System.nanoTime() - started) / 1_000_000)))
			.collectList()
			.block(Duration.ofSeconds(10));

		// 5 at once, then one every 50 ms for the bot: the 25th after about a second
		List<Long> sorted = doneAfterMillis.stream().sorted().toList();
		for (int k = 1; k < 20; k++) {
			assertThat(sorted.get(4 + k)).as("message %d", 5 + k).isGreaterThanOrEqualTo(k * 50L - 20);
		}
		assertThat(sorted.get(24)).isBetween(930L, 3_000L);
		// one chat: one message, then the next a second later, whichever instance sends
		long chatStarted = System.nanoTime();
		one.awaitTurn("chat-solo").then(two.awaitTurn("chat-solo")).block(Duration.ofSeconds(5));
		assertThat(Duration.ofNanos(System.nanoTime() - chatStarted)).isBetween(Duration.ofMillis(950),
				Duration.ofMillis(3_000));
	}

	@Test
	void should_refuse_at_once_when_the_chat_would_wait_longer_than_allowed() {
		String bot = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));
		TelegramProperties.RateLimits limits = new TelegramProperties.RateLimits(0.1, 1, 30, 30, Duration.ofSeconds(1),
				true);
		SharedTelegramPacing pacing = new SharedTelegramPacing(new SharedRateLimits(first, Schedulers.parallel()), bot,
				limits);

		pacing.awaitTurn("42").as(StepVerifier::create).verifyComplete();
		pacing.awaitTurn("42").as(StepVerifier::create).verifyError(RateLimitWaitTooLongException.class);
		pacing.awaitTurn("43").as(StepVerifier::create).verifyComplete();
	}

}
