package dev.punchcard.core.customer.domain;

/** Whether a customer takes part in the program. */
public enum CustomerStatus {

	/** Earns and redeems. */
	ACTIVE,
	/** Suspended by an administrator: no earning, no redeeming. */
	BLOCKED

}
