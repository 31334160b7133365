package dev.punchcard.core.purchase.domain;

import java.time.Instant;
import java.util.List;

import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Money;
import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.shared.domain.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * A purchase recorded once per (store, receipt number).
 *
 * @param id purchase id
 * @param customerId who bought
 * @param storeId where
 * @param receiptNo the till's receipt number
 * @param amount amount paid
 * @param pointsEarned points it earned
 * @param tierAtPurchase tier whose multiplier applied
 * @param refundedMinor amount refunded so far
 * @param pointsReversed points reversed so far
 * @param balanceAfter balance right after it was recorded
 * @param tierAfter tier right after it was recorded
 * @param cashierId who recorded it
 * @param recordedAt when
 * @param items line items
 */
public record Purchase(PurchaseId id, CustomerId customerId, StoreId storeId, String receiptNo, Money amount,
		long pointsEarned, String tierAtPurchase, long refundedMinor, long pointsReversed, long balanceAfter,
		String tierAfter, @Nullable StaffId cashierId, Instant recordedAt, List<LineItem> items) {

	/**
	 * Whether a report of this receipt describes this same purchase (same customer and
	 * amount).
	 */
	public boolean sameAs(CustomerId customer, Money paid) {
		return this.customerId.equals(customer) && this.amount.equals(paid);
	}

	public long refundableMinor() {
		return this.amount.minorUnits() - this.refundedMinor;
	}

}
