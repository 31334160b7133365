package dev.punchcard.webhooks.whatsapp;

import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

/**
 * A Graph API call that failed: Meta answered with an error (its HTTP status, its
 * {@code error.code}, {@code error_data.details} or {@code message}, and
 * {@code fbtrace_id} for Meta's support), or the call got no answer (status 0). Says what
 * the failure means for sending. Never carries a cause, and its message holds neither the
 * access token nor what was sent.
 */
class GraphApiException extends RuntimeException {

	/**
	 * Throughput reached, maintenance mode, generic error, Graph API unknown/service
	 * error.
	 */
	private static final Set<Integer> TRANSIENT_CODES = Set.of(130429, 131057, 131000, 1, 2);

	/** Not a WhatsApp user, terms not accepted, or an app too old. */
	static final int UNREACHABLE = 131026;

	/** Throughput of the business number reached. */
	static final int THROUGHPUT = 130429;

	/** Meta holds back marketing messages to a user who got enough of them lately. */
	static final int MARKETING_HELD_BACK = 131049;

	/** The user stopped marketing messages from the business. */
	static final int MARKETING_STOPPED = 131050;

	/** The 24-hour customer service window is closed. */
	static final int OUTSIDE_WINDOW = 131047;

	private static final Set<Integer> ACCOUNT_BLOCKED_CODES = Set.of(190, 368, 131031);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final int status;

	private final int code;

	private final String details;

	private final @Nullable String fbtraceId;

	GraphApiException(String operation, int status, int code, String details, @Nullable String fbtraceId) {
		super(message(operation, status, code, details, fbtraceId), null, false, false);
		this.status = status;
		this.code = code;
		this.details = details;
		this.fbtraceId = fbtraceId;
	}

	/**
	 * Meta (or a proxy before it) answered {@code status} with {@code body}, usually
	 * {@code {"error":{"message","type","code","error_data":{"details"},"fbtrace_id"}}};
	 * any other body is left out.
	 */
	static GraphApiException answered(String operation, int status, String body) {
		JsonNode error = errorOf(body);
		String details = error.path("error_data").path("details").asText("");
		if (details.isBlank()) {
			details = error.path("message").asText("");
		}
		String fbtraceId = error.path("fbtrace_id").asText(null);
		return new GraphApiException(operation, status, error.path("code").asInt(0),
				details.isBlank() ? "no error details" : details, fbtraceId);
	}

	/** No answer: a timeout, a refused or dropped connection. */
	static GraphApiException unanswered(String operation, String reason) {
		return new GraphApiException(operation, 0, 0, reason, null);
	}

	/** The HTTP status, or 0 when there was no answer. */
	int status() {
		return this.status;
	}

	/** Meta's {@code error.code}, or 0 when unknown. */
	int code() {
		return this.code;
	}

	String details() {
		return this.details;
	}

	@Nullable String fbtraceId() {
		return this.fbtraceId;
	}

	/**
	 * Worth repeating after a backoff: no answer, a 5xx or 429, throughput reached
	 * (130429), maintenance (131057), a generic or unknown error (131000, 1, 2).
	 */
	boolean retryable() {
		return this.status == 0 || this.status >= 500 || this.status == 429 || TRANSIENT_CODES.contains(this.code);
	}

	/**
	 * Not a WhatsApp user, terms not accepted, or an app too old (131026): do not repeat.
	 */
	boolean unreachable() {
		return this.code == UNREACHABLE;
	}

	/** The 24-hour customer service window is closed (131047): only a template may go. */
	boolean outsideWindow() {
		return this.code == OUTSIDE_WINDOW;
	}

	/** The business number sent more messages per second than it may (130429). */
	boolean throughputReached() {
		return this.code == 130429;
	}

	/**
	 * Too many messages to this recipient lately (131056): others can still be sent to.
	 */
	boolean pairRateLimited() {
		return this.code == 131056;
	}

	/**
	 * The token expired or is invalid (190), or the account is blocked (368) or locked
	 * (131031): stop sending and alert an operator.
	 */
	boolean accountBlocked() {
		return ACCOUNT_BLOCKED_CODES.contains(this.code);
	}

	/** A template is missing, paused or given the wrong parameters (132xxx). */
	boolean templateProblem() {
		return this.code >= 132000 && this.code <= 132999;
	}

	private static JsonNode errorOf(String body) {
		try {
			return JSON.readTree(body).path("error");
		}
		catch (JacksonException notJson) {
			return JSON.missingNode();
		}
	}

	private static String message(String operation, int status, int code, String details, @Nullable String fbtraceId) {
		String answer = (status == 0) ? "got no answer" : "failed: HTTP " + status + ", code " + code;
		String trace = (fbtraceId != null) ? " (fbtrace_id " + fbtraceId + ")" : "";
		return "Graph API " + operation + " " + answer + ": " + details + trace;
	}

}
