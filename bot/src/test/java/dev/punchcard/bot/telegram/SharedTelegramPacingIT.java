package dev.punchcard.bot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.punchcard.bot.pacing.RateLimitWaitTooLongException;
import dev.punchcard.bot.pacing.TwoInstances;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telegram's limits counted for the bot across two instances on real Redis: the bot's
 * rate holds for both together, a chat's rate for each chat.
 */
class SharedTelegramPacingIT {

	private static TwoInstances instances;

	private static StatefulRedisConnection<String, byte[]> first;

	private static StatefulRedisConnection<String, byte[]> second;

	@BeforeAll
	static void connect() {
		instances = new TwoInstances();
		first = instances.first();
		second = instances.second();
	}

	@AfterAll
	static void disconnect() {
		instances.close();
	}

	@Test
	void should_keep_the_bots_rate_for_two_instances_together_and_each_chats_own() {
		String bot = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));
		TelegramProperties.RateLimits limits = new TelegramProperties.RateLimits(1, 1, 20, 5, Duration.ofSeconds(5),
				true, Duration.ofMillis(100), Duration.ofSeconds(30), 0.99);
		SharedTelegramPacing one = new SharedTelegramPacing(TwoInstances.limits(first), bot, limits);
		SharedTelegramPacing two = new SharedTelegramPacing(TwoInstances.limits(second), bot, limits);

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
				true, Duration.ofMillis(100), Duration.ofSeconds(30), 0.99);
		SharedTelegramPacing pacing = new SharedTelegramPacing(TwoInstances.limits(first), bot, limits);

		pacing.awaitTurn("42").as(StepVerifier::create).verifyComplete();
		pacing.awaitTurn("42").as(StepVerifier::create).verifyError(RateLimitWaitTooLongException.class);
		pacing.awaitTurn("43").as(StepVerifier::create).verifyComplete();
	}

}
