package dev.punchcard.core.purchase.application;

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
 */
public record RecordPurchaseCommand(String cardCode, String storeCode, String receiptNo, Money amount,
		List<LineItem> items, @Nullable StaffId cashierId) {

	@Override
	public String toString() {
		return "RecordPurchaseCommand[store=" + this.storeCode + ", receipt=" + this.receiptNo + "]";
	}

}
