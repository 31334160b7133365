package dev.punchcard.core.purchase.application;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.shared.domain.Points;
import org.jspecify.annotations.Nullable;

/**
 * A card holder's account as read for one receipt.
 *
 * @param holder the customer
 * @param balance their points balance
 * @param version the balance row's version: every change of the balance changes it
 * @param netSpendMinor purchases minus refunds in the tier window, in minor units
 * @param referralBonusDue whether the customer was referred and their first purchase is
 * still to pay the bonus
 * @param recorded the purchase already recorded for the receipt at the store, by whoever
 */
public record PurchaseAccount(Customer holder, Points balance, String version, long netSpendMinor,
		boolean referralBonusDue, @Nullable Purchase recorded) {
}
