package dev.punchcard.core.reward.domain;

/** Where a voucher is in its life. */
public enum VoucherStatus {

	/** Issued and not used yet. */
	ISSUED,
	/** Used at a till; cannot be used again. */
	HONOURED,
	/** Cancelled before use; its points were given back. */
	CANCELLED

}
