package dev.punchcard.bot.broadcast;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;

import dev.punchcard.core.broadcast.application.ClaimedRecipient;
import dev.punchcard.core.broadcast.application.SendResult;

/**
 * What a failure that may pass means for a recipient: tried again after
 * {@code base * 2^(attempt-1)} (at most {@code cap}), less up to half of it at random so
 * that a batch that failed together does not come back together; FAILED with the code and
 * reason once {@code maxAttempts} attempts are used.
 */
final class BroadcastBackoff {

	private final BroadcastSendingProperties settings;

	private final Clock clock;

	private final DoubleSupplier random;

	BroadcastBackoff(BroadcastSendingProperties settings, Clock clock) {
		this(settings, clock, () -> ThreadLocalRandom.current().nextDouble());
	}

	BroadcastBackoff(BroadcastSendingProperties settings, Clock clock, DoubleSupplier random) {
		this.settings = settings;
		this.clock = clock;
		this.random = random;
	}

	SendResult after(ClaimedRecipient recipient, Throwable failure) {
		String code = code(failure);
		String reason = reason(failure);
		if (recipient.attempt() >= this.settings.maxAttempts()) {
			return new SendResult.Failed(code, reason + " (gave up after " + recipient.attempt() + " attempts)");
		}
		return new SendResult.RetryAt(this.clock.instant().plus(wait(recipient.attempt())), code, reason);
	}

	/** The wait after the given attempt failed, jitter included. */
	Duration wait(int attempt) {
		int doublings = Math.min(Math.max(attempt - 1, 0), 20);
		Duration full = this.settings.backoffBase().multipliedBy(1L << doublings);
		if (full.compareTo(this.settings.backoffCap()) > 0) {
			full = this.settings.backoffCap();
		}
		long millis = full.toMillis();
		return Duration.ofMillis(millis - (long) (millis / 2.0 * this.random.getAsDouble()));
	}

	private static String code(Throwable failure) {
		if (failure instanceof BroadcastSendException send) {
			return send.code();
		}
		return (failure instanceof TimeoutException) ? "TIMEOUT" : "ERROR";
	}

	private static String reason(Throwable failure) {
		if (failure instanceof BroadcastSendException send) {
			return String.valueOf(send.getMessage());
		}
		// the type only: a message may quote a request
		return failure.getClass().getSimpleName();
	}

}
