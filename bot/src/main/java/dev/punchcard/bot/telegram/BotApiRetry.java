package dev.punchcard.bot.telegram;

import java.time.Duration;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;
import reactor.util.retry.Retry.RetrySignal;

/**
 * When to repeat a failed Bot API call: after exactly {@code retry_after} on a 429, after
 * a doubling backoff on timeouts, connection errors and 5xx, never otherwise; at most
 * {@code maxAttempts} attempts in all. A 429 first holds the shared sending budget off
 * for its {@code retry_after}, so every instance's sends wait, not just this call.
 */
final class BotApiRetry {

	private static final Logger log = LoggerFactory.getLogger(BotApiRetry.class);

	private final TelegramProperties.Retries settings;

	private final Scheduler scheduler;

	private final Function<Duration, Mono<Void>> holdOff;

	BotApiRetry(TelegramProperties.Retries settings, Scheduler scheduler) {
		this(settings, scheduler, (wait) -> Mono.empty());
	}

	/**
	 * @param holdOff holds the bot's sending budget off for a 429's {@code retry_after}
	 */
	BotApiRetry(TelegramProperties.Retries settings, Scheduler scheduler, Function<Duration, Mono<Void>> holdOff) {
		this.settings = settings;
		this.scheduler = scheduler;
		this.holdOff = holdOff;
	}

	/** The retry policy of one call, named for the logs. */
	Retry forMethod(String method) {
		return Retry.from((signals) -> signals.concatMap((signal) -> next(method, signal)));
	}

	private Mono<Long> next(String method, RetrySignal signal) {
		Throwable failure = signal.failure();
		long retriesSoFar = signal.totalRetries();
		Duration wait = (retriesSoFar + 1 < this.settings.maxAttempts()) ? waitBefore(failure, retriesSoFar) : null;
		Mono<Void> heldOff = heldOff(failure);
		if (wait == null) {
			return heldOff.then(Mono.error(failure));
		}
		log.warn("Telegram {}: {}; attempt {} in {} ms", method, failure.getMessage(), retriesSoFar + 2,
				wait.toMillis());
		return heldOff.then(Mono.delay(wait, this.scheduler));
	}

	/** A failed hold-off is logged: the call's own wait still applies. */
	private Mono<Void> heldOff(Throwable failure) {
		if (failure instanceof BotApiException api && api.isRateLimited() && api.retryAfter() != null) {
			return this.holdOff.apply(api.retryAfter())
				.onErrorResume((error) -> Mono.fromRunnable(
						() -> log.warn("Telegram 429: the shared budget was not held off: {}", error.toString())));
		}
		return Mono.empty();
	}

	private @Nullable Duration waitBefore(Throwable failure, long retriesSoFar) {
		if (!(failure instanceof BotApiException api)) {
			return null;
		}
		Duration retryAfter = api.retryAfter();
		if (api.isRateLimited() && retryAfter != null) {
			return (retryAfter.compareTo(this.settings.maxRetryAfter()) <= 0) ? retryAfter : null;
		}
		return api.isTransient() ? this.settings.firstBackoff().multipliedBy(1L << Math.min(retriesSoFar, 10)) : null;
	}

}
