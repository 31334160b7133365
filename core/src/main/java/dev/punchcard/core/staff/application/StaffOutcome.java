package dev.punchcard.core.staff.application;

import dev.punchcard.core.staff.domain.StaffMember;

/** What registering a staff account did. */
public sealed interface StaffOutcome {

	/** The account exists now. */
	record Registered(StaffMember member) implements StaffOutcome {
	}

	/** Another account has this username. */
	record UsernameTaken(String username) implements StaffOutcome {
	}

	/** The home store is unknown. */
	record UnknownStore(String storeCode) implements StaffOutcome {
	}

	/** A cashier was registered without a home store. */
	record StoreRequired() implements StaffOutcome {
	}

	/** The password is too weak. */
	record WeakPassword(String why) implements StaffOutcome {
	}

}
