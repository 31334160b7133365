package dev.punchcard.bot.broadcast;

/**
 * A broadcast send failed in a way that may pass (a 5xx, a timeout, an error the platform
 * gives no rule for): retried with back-off up to the maximum attempts, then failed with
 * the code and reason. Carries no cause, so no request URL or token reaches a log.
 */
public class BroadcastSendException extends RuntimeException {

	private final String code;

	/**
	 * @param code the platform's error code (e.g. {@code 500}, {@code 131000}), or a word
	 * of ours ({@code TIMEOUT})
	 * @param reason what the platform said, without secrets or message contents
	 */
	public BroadcastSendException(String code, String reason) {
		super(reason, null, false, false);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
