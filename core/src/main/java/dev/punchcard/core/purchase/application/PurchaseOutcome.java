package dev.punchcard.core.purchase.application;

/** What reporting a purchase did. */
public sealed interface PurchaseOutcome {

	/** Recorded now and points credited. */
	record Credited(PurchaseReceipt receipt) implements PurchaseOutcome {
	}

	/**
	 * This receipt was recorded before with the same customer and amount; nothing
	 * credited again.
	 */
	record AlreadyRecorded(PurchaseReceipt receipt) implements PurchaseOutcome {
	}

	/** This receipt was recorded before with another customer or amount. */
	record ReceiptConflict(String receiptNo) implements PurchaseOutcome {
	}

	/** The card code is malformed, forged, or no longer issued. */
	record UnknownCard() implements PurchaseOutcome {
	}

	/** No active store has this code. */
	record UnknownStore(String storeCode) implements PurchaseOutcome {
	}

	/** The amount is not in the program currency. */
	record WrongCurrency(String expected) implements PurchaseOutcome {
	}

	/** The customer's membership is blocked. */
	record CustomerBlocked() implements PurchaseOutcome {
	}

}
