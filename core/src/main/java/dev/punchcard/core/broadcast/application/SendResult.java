package dev.punchcard.core.broadcast.application;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What one send to a claimed recipient did. */
public sealed interface SendResult {

	/**
	 * The platform accepted the message; {@code messageId} is the wamid or the Telegram
	 * message id.
	 */
	record Sent(String messageId) implements SendResult {
	}

	/**
	 * Not sent and never will be: opted out (WhatsApp 131050, STOP), unreachable (131026,
	 * Telegram 403), no channel.
	 */
	record Skipped(SkipReason reason, @Nullable String code, String detail) implements SendResult {
	}

	/** Failed for good (retries used up, or an error that retrying cannot fix). */
	record Failed(String code, String reason) implements SendResult {
	}

	/**
	 * Try again at {@code at} (rate limits, 131049 after 24 h, passing errors with
	 * back-off); counts an attempt.
	 */
	record RetryAt(Instant at, String code, String reason) implements SendResult {
	}

	/**
	 * The template cannot be sent (132xxx, paused or disabled): the recipient goes back
	 * to the queue untouched and the broadcast is PAUSED with the reason.
	 */
	record PauseBroadcast(String code, String reason) implements SendResult {
	}

}
