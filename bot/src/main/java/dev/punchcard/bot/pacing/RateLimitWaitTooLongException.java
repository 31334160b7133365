package dev.punchcard.bot.pacing;

import java.time.Duration;

/** A message would have waited longer than allowed for its turn; it was not sent. */
public class RateLimitWaitTooLongException extends RuntimeException {

	public RateLimitWaitTooLongException(String key, Duration maxWait) {
		super("the sending limit " + key + " has no turn within " + maxWait.toMillis() + " ms", null, false, false);
	}

}
