package dev.punchcard.core.purchase.application;

import java.time.Instant;
import java.util.List;

import dev.punchcard.core.purchase.domain.LineItem;
import dev.punchcard.core.shared.domain.Money;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;

/**
 * A till reports a purchase.
 *
 * @param cardCode the scanned member card code
 * @param storeCode the store
 * @param receiptNo the receipt number, unique per store
 * @param amount amount paid, positive
 * @param items line items, may be empty
 * @param cashierId who scanned it
 * @param at when it was bought, or null for now (a till reporting live); an import gives
 * the receipt's time, which the purchase is recorded at and its tier window ends at
 */
public record RecordPurchaseCommand(String cardCode, String storeCode, String receiptNo, Money amount,
		List<LineItem> items, @Nullable StaffId cashierId, @Nullable Instant at) {

	/** A purchase reported live, at the till's now. */
	public RecordPurchaseCommand(String cardCode, String storeCode, String receiptNo, Money amount,
			List<LineItem> items, @Nullable StaffId cashierId) {
		this(cardCode, storeCode, receiptNo, amount, items, cashierId, null);
	}

	@Override
	public String toString() {
		return "RecordPurchaseCommand[store=" + this.storeCode + ", receipt=" + this.receiptNo + "]";
	}

}
