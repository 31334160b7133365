package dev.punchcard.core.points.domain;

/** What a points ledger entry records. */
public enum EntryKind {

	/** Points earned by a purchase. */
	EARN,
	/** Points spent on a reward. */
	REDEEM,
	/** Points taken back by a refund, or given back when a voucher is cancelled. */
	REVERSAL,
	/** Points granted as a bonus (referrals, campaigns). */
	BONUS,
	/** Points that expired. */
	EXPIRE,
	/** A manual correction by an administrator. */
	ADJUST

}
