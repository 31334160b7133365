package dev.punchcard.core.purchase.application;

import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.PurchaseId;

/**
 * The result of a recorded purchase, the same on every replay.
 *
 * @param purchaseId purchase id
 * @param customerId customer
 * @param pointsEarned points credited
 * @param balance balance right after
 * @param tier tier right after
 */
public record PurchaseReceipt(PurchaseId purchaseId, CustomerId customerId, long pointsEarned, long balance,
		String tier) {

}
