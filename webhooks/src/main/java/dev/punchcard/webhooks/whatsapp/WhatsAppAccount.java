package dev.punchcard.webhooks.whatsapp;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this instance may send on the business account. The first error that means
 * sending cannot work (190: the access token expired or is invalid; 368: the account is
 * blocked for policy violations; 131031: the account is locked) stops all sending from
 * this instance, is logged at ERROR once, and shows in the health endpoint, until an
 * operator fixes the account and restarts the instance. Each instance stops at its own
 * first such error, after one failed call.
 */
final class WhatsAppAccount {

	private static final Logger log = LoggerFactory.getLogger(WhatsAppAccount.class);

	private final AtomicReference<@Nullable Blocked> blocked = new AtomicReference<>();

	/** Records the error when it blocks the account; logs loudly the first time. */
	void observe(GraphApiException error) {
		if (!error.accountBlocked()) {
			return;
		}
		Blocked now = new Blocked(error.code(), error.details(), Instant.now());
		if (this.blocked.compareAndSet(null, now)) {
			log.error(
					"WhatsApp sending STOPPED on this instance: Meta answered error {} ({}). Fix the access token "
							+ "or the business account in Meta's Business Manager, then restart.",
					error.code(), error.details());
		}
	}

	/** The blocking error, or null while sending works. */
	@Nullable Blocked blocked() {
		return this.blocked.get();
	}

	/**
	 * Why sending stopped.
	 *
	 * @param code Meta's error code
	 * @param details Meta's explanation
	 * @param since when this instance saw it
	 */
	record Blocked(int code, String details, Instant since) {
	}

}
