package dev.punchcard.core.purchase.application;

/** What a refund did. */
public sealed interface RefundOutcome {

	/** Refunded now; points reversed proportionally. */
	record Refunded(RefundReceipt receipt) implements RefundOutcome {
	}

	/**
	 * This refund number was recorded before with the same amount; nothing reversed
	 * again.
	 */
	record AlreadyRefunded(RefundReceipt receipt) implements RefundOutcome {
	}

	/** This refund number was recorded before with another amount. */
	record RefundConflict(String refundNo) implements RefundOutcome {
	}

	/** No such purchase. */
	record UnknownPurchase() implements RefundOutcome {
	}

	/** The refund is larger than what is left to refund. */
	record ExceedsPurchase(long refundableMinor) implements RefundOutcome {
	}

}
