package dev.punchcard.core.card.domain;

/**
 * What a signed code stands for; a code signed for one purpose never verifies for
 * another.
 */
public enum CodePurpose {

	/** A customer's member card. */
	CARD,
	/** A one-time reward voucher. */
	VOUCHER

}
