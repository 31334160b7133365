package dev.punchcard.core.staff.domain;

/** What a staff member may do. */
public enum Role {

	/** Manages stores, staff, rewards and the ledger. */
	ADMIN,
	/** Sends broadcasts and reads customers. */
	MARKETER,
	/** Records purchases and honours vouchers at a till. */
	CASHIER

}
