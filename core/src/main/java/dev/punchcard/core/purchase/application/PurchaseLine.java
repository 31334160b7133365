package dev.punchcard.core.purchase.application;

import java.time.Instant;

import dev.punchcard.core.shared.domain.PurchaseId;

/**
 * One purchase as a shopper's history shows it.
 *
 * @param purchaseId purchase id
 * @param storeName where
 * @param recordedAt when
 * @param amountMinor amount paid
 * @param currency currency code
 * @param pointsEarned points credited
 * @param refundedMinor amount refunded so far
 */
public record PurchaseLine(PurchaseId purchaseId, String storeName, Instant recordedAt, long amountMinor,
		String currency, long pointsEarned, long refundedMinor) {

}
