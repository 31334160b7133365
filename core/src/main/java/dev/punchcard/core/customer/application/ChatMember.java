package dev.punchcard.core.customer.application;

import java.time.Duration;
import java.time.Instant;

import dev.punchcard.core.customer.domain.Customer;
import org.jspecify.annotations.Nullable;

/**
 * A customer as seen through one of their chat accounts.
 *
 * @param customer the customer
 * @param reachable whether messages may be sent to this account (false after the customer
 * blocked the bot)
 * @param lastSeenAt when the account last wrote, as far as recorded
 */
public record ChatMember(Customer customer, boolean reachable, @Nullable Instant lastSeenAt) {

	/**
	 * Last-seen times are kept to this resolution: recording every message would cost a
	 * write each.
	 */
	public static final Duration LAST_SEEN_RESOLUTION = Duration.ofHours(1);

	/**
	 * Whether a message from this account at {@code now} changes what is recorded: it
	 * makes an unreachable account reachable again, or refreshes an outdated last-seen
	 * time.
	 */
	public boolean changesWhenSeenAt(Instant now) {
		return !this.reachable || this.lastSeenAt == null || this.lastSeenAt.isBefore(now.minus(LAST_SEEN_RESOLUTION));
	}

}
