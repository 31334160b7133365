package dev.punchcard.core.customer.application;

import dev.punchcard.core.customer.domain.Customer;

/** What starting the bot did. */
public sealed interface JoinOutcome {

	/** A new member; {@code cardCode} is their member card. */
	record Joined(Customer customer, String cardCode, boolean referred) implements JoinOutcome {
	}

	/** They were a member already; nothing changed. */
	record AlreadyMember(Customer customer) implements JoinOutcome {
	}

	/** The poster's store code is unknown; nobody was registered. */
	record UnknownStore(String storeCode) implements JoinOutcome {
	}

	/** The referral code is unknown; nobody was registered. */
	record UnknownReferral() implements JoinOutcome {
	}

}
