package dev.punchcard.core.customer.application;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.shared.domain.ChatChannel;

/** What sending a link code did. */
public sealed interface LinkOutcome {

	/**
	 * The chat account now belongs to the member.
	 *
	 * @param member the membership both accounts share
	 * @param merged whether a membership without history was folded into it
	 */
	record Linked(Customer member, boolean merged) implements LinkOutcome {
	}

	/** The chat account belonged to the code's member already; the code is used up. */
	record AlreadyLinked(Customer member) implements LinkOutcome {
	}

	/**
	 * The code was asked for on this same channel; it stays valid for the other one.
	 *
	 * @param channel the channel it was asked for on
	 */
	record SameChannel(ChatChannel channel) implements LinkOutcome {
	}

	/** Unknown, used or expired; nothing changed. */
	record InvalidCode() implements LinkOutcome {
	}

	/** Too many wrong codes from this chat account lately; nothing was tried. */
	record TooManyAttempts() implements LinkOutcome {
	}

	/**
	 * Both memberships have purchases or points: they are not merged (the code is used
	 * up).
	 */
	record BothHaveHistory() implements LinkOutcome {
	}

}
