package dev.punchcard.webhooks.whatsapp;

import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * When to repeat a failed Graph API call: after an exponential backoff with jitter, from
 * {@code firstBackoff} up to {@code maxBackoff}, for failures that may pass
 * ({@link GraphApiException#retryable()}, timeouts, connection errors); never otherwise;
 * at most {@code maxAttempts} attempts in all, the last failure passed on as it is.
 */
final class GraphApiRetry {

	private static final Logger log = LoggerFactory.getLogger(GraphApiRetry.class);

	private static final double JITTER = 0.5;

	private final WhatsAppProperties.Retries settings;

	private final Scheduler scheduler;

	private final Supplier<Mono<Void>> holdOff;

	GraphApiRetry(WhatsAppProperties.Retries settings, Scheduler scheduler) {
		this(settings, scheduler, Mono::empty);
	}

	/**
	 * @param holdOff holds the number's sending budget off, for every instance, when
	 * WhatsApp answers that its throughput was reached (130429)
	 */
	GraphApiRetry(WhatsAppProperties.Retries settings, Scheduler scheduler, Supplier<Mono<Void>> holdOff) {
		this.settings = settings;
		this.scheduler = scheduler;
		this.holdOff = holdOff;
	}

	/** The retry policy of one call, named for the logs. */
	Retry forCall(String operation) {
		return Retry.backoff(this.settings.maxAttempts() - 1L, this.settings.firstBackoff())
			.maxBackoff(this.settings.maxBackoff())
			.jitter(JITTER)
			.scheduler(this.scheduler)
			.filter(GraphApiRetry::isTransient)
			.doBeforeRetry((signal) -> log.warn("WhatsApp {}: {}; attempt {}", operation, signal.failure().getMessage(),
					signal.totalRetries() + 2))
			.doBeforeRetryAsync((signal) -> heldOff(signal.failure()))
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	/** A failed hold-off is logged: the call's own backoff still applies. */
	private Mono<Void> heldOff(Throwable failure) {
		if (failure instanceof GraphApiException graph && graph.throughputReached()) {
			return this.holdOff.get()
				.onErrorResume((error) -> Mono.fromRunnable(
						() -> log.warn("WhatsApp 130429: the shared budget was not held off: {}", error.toString())));
		}
		return Mono.empty();
	}

	static boolean isTransient(Throwable error) {
		return (error instanceof GraphApiException graph) ? graph.retryable()
				: error instanceof WebClientRequestException || error instanceof TimeoutException;
	}

}
