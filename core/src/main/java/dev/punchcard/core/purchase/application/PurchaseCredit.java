package dev.punchcard.core.purchase.application;

import dev.punchcard.core.notification.application.Notification;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.purchase.domain.Purchase;
import org.jspecify.annotations.Nullable;

/**
 * Everything one credited purchase writes.
 *
 * @param purchase the purchase, with the points it earns and the balance after it
 * @param accountVersion the account version the purchase was computed from
 * @param entry the ledger entry of the points it earns, or null when it earns none
 * @param tierChange the tier the purchase moves the customer to, or null when it stays
 * @param notification what the customer is told
 */
public record PurchaseCredit(Purchase purchase, String accountVersion, @Nullable LedgerEntry entry,
		@Nullable TierChange tierChange, Notification notification) {

	/**
	 * A change of tier caused by the purchase.
	 *
	 * @param from the tier before
	 * @param to the tier after
	 * @param netSpendMinor the net spend that decided it
	 */
	public record TierChange(String from, String to, long netSpendMinor) {
	}

}
