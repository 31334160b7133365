package dev.punchcard.core.points.domain;

import java.math.BigInteger;

/**
 * How many points a refund takes back: the share of the purchase's points that the
 * refunded amount is of the purchase amount, counted over all refunds of that purchase so
 * that rounding never adds up to more than the purchase earned, and a full refund
 * reverses exactly what it earned.
 */
public final class ReversalRule {

	private ReversalRule() {
	}

	/**
	 * @param earned points the purchase earned
	 * @param purchaseMinor purchase amount
	 * @param refundedBeforeMinor amount refunded by earlier refunds
	 * @param refundMinor this refund's amount
	 * @param reversedBefore points reversed by earlier refunds
	 * @return points this refund should reverse (before any cap by the customer's
	 * balance)
	 */
	public static long pointsToReverse(long earned, long purchaseMinor, long refundedBeforeMinor, long refundMinor,
			long reversedBefore) {
		if (refundMinor <= 0 || refundedBeforeMinor + refundMinor > purchaseMinor) {
			throw new IllegalArgumentException("refund must be positive and within the purchase amount");
		}
		long refundedAfter = refundedBeforeMinor + refundMinor;
		long dueAfter = BigInteger.valueOf(earned)
			.multiply(BigInteger.valueOf(refundedAfter))
			.divide(BigInteger.valueOf(purchaseMinor))
			.longValueExact();
		return Math.max(0, dueAfter - reversedBefore);
	}

}
