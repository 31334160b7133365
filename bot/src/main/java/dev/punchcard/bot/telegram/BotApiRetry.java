package dev.punchcard.bot.telegram;

import java.time.Duration;

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
 * {@code maxAttempts} attempts in all.
 */
final class BotApiRetry {

	private static final Logger log = LoggerFactory.getLogger(BotApiRetry.class);

	private final TelegramProperties.Retries settings;

	private final Scheduler scheduler;

	BotApiRetry(TelegramProperties.Retries settings, Scheduler scheduler) {
		this.settings = settings;
		this.scheduler = scheduler;
	}

	/** The retry policy of one call, named for the logs. */
	Retry forMethod(String method) {
		return Retry.from((signals) -> signals.concatMap((signal) -> next(method, signal)));
	}

	private Mono<Long> next(String method, RetrySignal signal) {
		Throwable failure = signal.failure();
		long retriesSoFar = signal.totalRetries();
		Duration wait = (retriesSoFar + 1 < this.settings.maxAttempts()) ? waitBefore(failure, retriesSoFar) : null;
		if (wait == null) {
			return Mono.error(failure);
		}
		log.warn("Telegram {}: {}; attempt {} in {} ms", method, failure.getMessage(), retriesSoFar + 2,
				wait.toMillis());
		return Mono.delay(wait, this.scheduler);
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
