package dev.punchcard.bot.pacing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.punchcard.bot.pacing.SharedRateLimits.Limit;
import dev.punchcard.bot.pacing.SharedRateLimits.Slot;
import io.lettuce.core.api.StatefulRedisConnection;
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

	@Test
	void should_count_a_message_against_all_its_limits_or_none_when_it_takes_slots_together() {
		SharedRateLimits limits = limits(first);
		String bot = "test:bot:" + UUID.randomUUID();
		Limit perBot = Limit.onePer(Duration.ofSeconds(10), 3);
		Limit perChat = Limit.onePer(Duration.ofMinutes(1), 1);

		// three chats take the bot's burst of three
		for (int chat = 0; chat < 3; chat++) {
			limits
				.take(List.of(new Slot(bot + ":chat:" + chat, perChat), new Slot(bot, perBot)), Duration.ofMillis(100))
				.as(StepVerifier::create)
				.verifyComplete();
		}
		// a fourth chat would wait for the bot: refused, and its own slot not taken
		limits.take(List.of(new Slot(bot + ":chat:3", perChat), new Slot(bot, perBot)), Duration.ofMillis(100))
			.as(StepVerifier::create)
			.verifyError(RateLimitWaitTooLongException.class);
		limits.take(bot + ":chat:3", perChat, Duration.ofMillis(100)).as(StepVerifier::create).verifyComplete();
		// a chat that had its message would wait for itself, whatever the bot allows
		limits.take(List.of(new Slot(bot + ":chat:0", perChat)), Duration.ofSeconds(5))
			.as(StepVerifier::create)
			.verifyError(RateLimitWaitTooLongException.class);
	}

	@Test
	void should_keep_the_limit_when_the_script_is_not_loaded_in_redis_yet() {
		first.sync().scriptFlush();
		SharedRateLimits limits = limits(first);
		String key = "test:flushed:" + UUID.randomUUID();

		limits.take(key, Limit.onePer(Duration.ofMinutes(1), 1), Duration.ofMillis(100))
			.as(StepVerifier::create)
			.verifyComplete();
		limits.take(key, Limit.onePer(Duration.ofMinutes(1), 1), Duration.ofMillis(100))
			.as(StepVerifier::create)
			.verifyError(RateLimitWaitTooLongException.class);
	}

	@Test
	void should_send_bulk_at_the_sustained_rate_without_the_burst_across_two_instances() {
		String key = "test:bulk:" + UUID.randomUUID();
		Limit twentyPerSecond = Limit.perSecond(20);
		SharedRateLimits one = limits(first);
		SharedRateLimits two = limits(second);

		long started = System.nanoTime();
		List<Long> doneAfterMillis = Flux.range(0, 20)
			.flatMap((i) -> ((i % 2 == 0) ? one : two)
				.takeSpare(List.of(new Slot(key, twentyPerSecond)), 1.0, Duration.ofMillis(20), Duration.ofSeconds(10))
				.then(Mono.fromSupplier(() -> (System.nanoTime() - started) / 1_000_000)))
			.collectList()
			.block(Duration.ofSeconds(15));

		// no burst: the k-th goes no sooner than k × 50 ms, the last after about 950 ms
		List<Long> sorted = doneAfterMillis.stream().sorted().toList();
		for (int k = 1; k < 20; k++) {
			assertThat(sorted.get(k)).as("bulk message %d", k).isGreaterThanOrEqualTo(k * 50L - 25);
		}
		assertThat(sorted.get(19)).isBetween(925L, 3_000L);
	}

	@Test
	void should_stretch_the_bulk_interval_to_the_share_of_the_rate() {
		String key = "test:bulk-share:" + UUID.randomUUID();
		Limit twentyPerSecond = Limit.perSecond(20);
		SharedRateLimits limits = limits(first);

		long started = System.nanoTime();
		Flux.range(0, 11)
			.flatMap((i) -> limits.takeSpare(List.of(new Slot(key, twentyPerSecond)), 0.5, Duration.ofMillis(20),
					Duration.ofSeconds(10)))
			.blockLast(Duration.ofSeconds(10));

		// at half the rate: 10 intervals of 100 ms, not of 50 ms
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(950),
				Duration.ofMillis(3_000));
	}

	@Test
	void should_let_a_reply_go_at_once_while_bulk_sends_keep_the_budget_busy() {
		String key = "test:priority:" + UUID.randomUUID();
		Limit tenPerSecond = Limit.perSecond(10);
		SharedRateLimits limits = limits(first);
		// bulk sends queue up for two seconds' worth of the budget
		Flux.range(0, 20)
			.flatMap((i) -> limits.takeSpare(List.of(new Slot(key, tenPerSecond)), 1.0, Duration.ofMillis(50),
					Duration.ofSeconds(10)))
			.subscribe();
		Mono.delay(Duration.ofMillis(300)).block();

		long started = System.nanoTime();
		limits.take(key, tenPerSecond, Duration.ofSeconds(10)).block(Duration.ofSeconds(5));

		// the reply takes the burst the bulk sends left free: no waiting behind them
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(150));
	}

	@Test
	void should_give_a_bulk_send_up_without_reserving_when_no_slot_comes_in_time() {
		String key = "test:bulk-give-up:" + UUID.randomUUID();
		Limit onePerMinute = Limit.onePer(Duration.ofMinutes(1), 1);
		SharedRateLimits limits = limits(first);
		limits.take(key, onePerMinute, Duration.ofSeconds(1)).block(Duration.ofSeconds(5));

		limits.takeSpare(List.of(new Slot(key, onePerMinute)), 1.0, Duration.ofMillis(50), Duration.ofMillis(500))
			.as(StepVerifier::create)
			.verifyError(RateLimitWaitTooLongException.class);
	}

	@Test
	void should_hold_every_instance_off_and_then_go_on_without_a_burst_after_a_platform_limit_answer() {
		String key = "test:hold-off:" + UUID.randomUUID();
		Limit tenPerSecond = Limit.perSecond(10);
		// timed from before the hold-off is set: the hold-off runs from then, so a slow
		// round trip for setting it cannot make the sends look early
		long started = System.nanoTime();
		limits(first).holdOff(key, tenPerSecond, Duration.ofMillis(400)).block(Duration.ofSeconds(5));

		Flux.range(0, 3).concatMap((i) -> limits(second).take(key, tenPerSecond, Duration.ofSeconds(5))).blockLast();

		// the first after the 400 ms hold-off, the next two 100 ms apart: no burst
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(550),
				Duration.ofMillis(2_000));
	}

	@Test
	void should_not_shorten_a_longer_hold_off_with_a_shorter_one() {
		String key = "test:hold-off-twice:" + UUID.randomUUID();
		Limit tenPerSecond = Limit.perSecond(10);
		SharedRateLimits limits = limits(first);
		limits.holdOff(key, tenPerSecond, Duration.ofMillis(600)).block(Duration.ofSeconds(5));
		limits.holdOff(key, tenPerSecond, Duration.ofMillis(50)).block(Duration.ofSeconds(5));

		long started = System.nanoTime();
		limits.take(key, tenPerSecond, Duration.ofSeconds(5)).block(Duration.ofSeconds(5));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
	}

	private static SharedRateLimits limits(StatefulRedisConnection<String, byte[]> connection) {
		return TwoInstances.limits(connection);
	}

}
