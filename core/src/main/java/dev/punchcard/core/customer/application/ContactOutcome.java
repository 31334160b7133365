package dev.punchcard.core.customer.application;

import dev.punchcard.core.customer.domain.Customer;

/** What sharing a phone number did. */
public sealed interface ContactOutcome {

	/** The number is saved on the membership. */
	record PhoneSaved(String e164) implements ContactOutcome {
	}

	/**
	 * Another member had this number and no account on this channel, and the chat
	 * account's own membership had no history: the account now belongs to that member.
	 */
	record JoinedMember(Customer member) implements ContactOutcome {
	}

	/** Another member has this number; nothing changed. */
	record PhoneTaken() implements ContactOutcome {
	}

	/** Not a valid phone number. */
	record InvalidPhone() implements ContactOutcome {
	}

	/** The chat account is not a member yet. */
	record NotRegistered() implements ContactOutcome {
	}

}
