package dev.punchcard.bot.telegram;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class SendRateLimiterTest {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	@Test
	void should_let_a_burst_through_then_one_message_per_second_when_one_chat_gets_many() {
		SendRateLimiter limiter = limiter("1", "3", "30", "30", "10s");

		StepVerifier
			.withVirtualTime(() -> Flux.range(1, 5).concatMap((i) -> limiter.awaitTurn("42").thenReturn(i)),
					() -> this.time, Long.MAX_VALUE)
			.expectNext(1, 2, 3)
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(4)
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(5)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void should_not_hold_back_one_chat_when_another_chat_is_busy() {
		SendRateLimiter limiter = limiter("1", "1", "30", "30", "10s");
		limiter.awaitTurn("busy").then(limiter.awaitTurn("busy")).subscribe();

		StepVerifier.withVirtualTime(() -> limiter.awaitTurn("quiet").thenReturn("sent"), () -> this.time, 1)
			.expectNext("sent")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void should_spread_messages_to_many_chats_over_the_global_rate() {
		SendRateLimiter limiter = limiter("1", "1", "2", "2", "10s");

		StepVerifier
			.withVirtualTime(() -> Flux.range(1, 4).flatMap((i) -> limiter.awaitTurn("chat-" + i).thenReturn(i)),
					() -> this.time, Long.MAX_VALUE)
			.expectNextCount(2)
			.expectNoEvent(Duration.ofMillis(499))
			.thenAwait(Duration.ofMillis(1))
			.expectNextCount(1)
			.expectNoEvent(Duration.ofMillis(499))
			.thenAwait(Duration.ofMillis(1))
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void should_fail_fast_when_the_wait_would_exceed_the_maximum() {
		SendRateLimiter limiter = limiter("1", "1", "30", "30", "2s");

		// four at once: the fourth would wait 3 s
		StepVerifier
			.withVirtualTime(() -> Flux.range(1, 4).flatMap((i) -> limiter.awaitTurn("42").thenReturn(i)),
					() -> this.time, Long.MAX_VALUE)
			.expectNext(1)
			.expectError(SendRateLimiter.SendBacklogException.class)
			.verify(Duration.ofSeconds(5));
	}

	private SendRateLimiter limiter(String perChat, String chatBurst, String global, String globalBurst,
			String maxWait) {
		TelegramProperties properties = TestTelegram.properties("http://localhost",
				"rate-limits.per-chat-per-second=" + perChat, "rate-limits.per-chat-burst=" + chatBurst,
				"rate-limits.global-per-second=" + global, "rate-limits.global-burst=" + globalBurst,
				"rate-limits.max-wait=" + maxWait);
		return new SendRateLimiter(properties.rateLimits(), this.time);
	}

}
