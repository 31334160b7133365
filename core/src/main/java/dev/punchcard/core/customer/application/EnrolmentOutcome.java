package dev.punchcard.core.customer.application;

import dev.punchcard.core.customer.domain.Customer;

/** What enrolling a customer did. */
public sealed interface EnrolmentOutcome {

	/** The customer is enrolled; {@code cardCode} is their signed member card code. */
	record Enrolled(Customer customer, String cardCode) implements EnrolmentOutcome {
	}

	/** Another customer has this phone number. */
	record PhoneTaken() implements EnrolmentOutcome {
	}

	/** The phone number is not a valid number. */
	record InvalidPhone() implements EnrolmentOutcome {
	}

	/** The home store is unknown. */
	record UnknownStore(String storeCode) implements EnrolmentOutcome {
	}

}
