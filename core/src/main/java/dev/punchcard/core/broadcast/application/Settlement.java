package dev.punchcard.core.broadcast.application;

import java.time.Instant;

import dev.punchcard.core.broadcast.domain.RecipientState;
import org.jspecify.annotations.Nullable;

/**
 * What settling a claimed recipient writes, from the send's result: its next state, when
 * it is due again, the message id, error and skip reason, whether the attempt counts, and
 * the reason to pause the broadcast with, if any.
 *
 * @param state the recipient's next state
 * @param dueAt when it is due again (QUEUED only), or null to keep its due time
 * @param attemptCounts false when the claim's attempt is given back
 * @param pauseReason the reason to pause the broadcast with, or null
 */
public record Settlement(RecipientState state, @Nullable Instant dueAt, @Nullable String messageId,
		@Nullable String skipReason, @Nullable String errorCode, @Nullable String errorReason, boolean attemptCounts,
		@Nullable String pauseReason) {

	static final int CODE_LIMIT = 64;

	static final int REASON_LIMIT = 1000;

	/** The settlement of the result. */
	public static Settlement of(SendResult result) {
		return switch (result) {
			case SendResult.Sent sent ->
				new Settlement(RecipientState.SENT, null, sent.messageId(), null, null, null, true, null);
			case SendResult.Skipped skipped -> new Settlement(RecipientState.SKIPPED, null, null,
					skipped.reason().name(), code(skipped.code()), reason(skipped.detail()), true, null);
			case SendResult.Failed failed -> new Settlement(RecipientState.FAILED, null, null, null,
					code(failed.code()), reason(failed.reason()), true, null);
			case SendResult.RetryAt retry -> new Settlement(RecipientState.QUEUED, retry.at(), null, null,
					code(retry.code()), reason(retry.reason()), true, null);
			case SendResult.PauseBroadcast pause -> new Settlement(RecipientState.QUEUED, null, null, null, null, null,
					false, reason(pause.reason() + " (" + code(pause.code()) + ")"));
		};
	}

	private static @Nullable String code(@Nullable String code) {
		return (code == null) ? null : cut(code, CODE_LIMIT);
	}

	private static String reason(String reason) {
		return cut(reason.isBlank() ? "(no reason given)" : reason, REASON_LIMIT);
	}

	private static String cut(String text, int limit) {
		return (text.length() <= limit) ? text : text.substring(0, limit);
	}

}
