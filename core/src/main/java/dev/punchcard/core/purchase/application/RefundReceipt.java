package dev.punchcard.core.purchase.application;

import java.util.UUID;

import dev.punchcard.core.shared.domain.PurchaseId;

/**
 * The result of a refund, the same on every replay.
 *
 * @param refundId refund id
 * @param purchaseId refunded purchase
 * @param amountMinor amount refunded
 * @param pointsReversed points taken back (capped by the balance at the time)
 * @param balance balance right after
 * @param tier tier right after
 */
public record RefundReceipt(UUID refundId, PurchaseId purchaseId, long amountMinor, long pointsReversed, long balance,
		String tier) {

}
