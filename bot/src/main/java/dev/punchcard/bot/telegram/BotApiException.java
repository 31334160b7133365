package dev.punchcard.bot.telegram;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A Bot API call that failed: Telegram answered {@code ok: false}, or the call did not
 * get an answer. Never carries a cause, so no request URL (which holds the token) reaches
 * a log through a stack trace.
 */
class BotApiException extends RuntimeException {

	/** The {@code error_code}, or 0 when there was no answer (timeout, connection). */
	private final int errorCode;

	private final @Nullable Duration retryAfter;

	private BotApiException(String message, int errorCode, @Nullable Duration retryAfter) {
		super(message, null, false, false);
		this.errorCode = errorCode;
		this.retryAfter = retryAfter;
	}

	/** Telegram (or a proxy before it) answered with an error. */
	static BotApiException rejected(String method, int errorCode, String description, @Nullable Duration retryAfter) {
		return new BotApiException(method + " failed: [" + errorCode + "] " + description, errorCode, retryAfter);
	}

	/** No answer: timeout, refused or dropped connection. */
	static BotApiException unanswered(String method, String reason) {
		return new BotApiException(method + " got no answer: " + reason, 0, null);
	}

	int errorCode() {
		return this.errorCode;
	}

	/** The wait Telegram asked for with a 429, or null. */
	@Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Worth repeating after a short backoff: no answer, a 5xx, or a 429 without a wait.
	 */
	boolean isTransient() {
		return this.errorCode == 0 || this.errorCode >= 500 || (this.errorCode == 429 && this.retryAfter == null);
	}

	/** Telegram asked to wait {@link #retryAfter()} before repeating. */
	boolean isRateLimited() {
		return this.errorCode == 429 && this.retryAfter != null;
	}

	/** The recipient blocked the bot or deleted their account: never repeat. */
	boolean isForbidden() {
		return this.errorCode == 403;
	}

}
