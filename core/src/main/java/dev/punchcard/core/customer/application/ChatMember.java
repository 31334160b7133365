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
 * @param otherSeenAt when the customer's other chat accounts last wrote, as far as
 * recorded; null when they have none
 */
public record ChatMember(Customer customer, boolean reachable, @Nullable Instant lastSeenAt,
		@Nullable Instant otherSeenAt) {

	/** A customer with no other chat account. */
	public ChatMember(Customer customer, boolean reachable, @Nullable Instant lastSeenAt) {
		this(customer, reachable, lastSeenAt, null);
	}

	/**
	 * Last-seen times are kept to this resolution: recording every message would cost a
	 * write each.
	 */
	public static final Duration LAST_SEEN_RESOLUTION = Duration.ofHours(1);

	/**
	 * Whether a message from this account at {@code now} changes what is recorded: it
	 * makes an unreachable account reachable again, refreshes an outdated last-seen time,
	 * or makes this the account the customer wrote from last (where notifications go
	 * first, unless they chose a channel) when another account's record is as recent.
	 */
	public boolean changesWhenSeenAt(Instant now) {
		return !this.reachable || this.lastSeenAt == null || this.lastSeenAt.isBefore(now.minus(LAST_SEEN_RESOLUTION))
				|| (this.otherSeenAt != null && !this.lastSeenAt.isAfter(this.otherSeenAt));
	}

}
