package dev.punchcard.core.purchase.application;

import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;

/**
 * A till refunds all or part of a purchase.
 *
 * @param purchaseId refunded purchase
 * @param refundNo refund number, unique per purchase
 * @param amountMinor amount refunded, positive, in the program currency
 * @param cashierId who records it
 */
public record RefundPurchaseCommand(PurchaseId purchaseId, String refundNo, long amountMinor,
		@Nullable StaffId cashierId) {

}
