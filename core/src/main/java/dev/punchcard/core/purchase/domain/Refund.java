package dev.punchcard.core.purchase.domain;

import java.time.Instant;
import java.util.UUID;

import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;

/**
 * A full or partial refund of a purchase, recorded once per refund number.
 *
 * @param id refund id
 * @param purchaseId refunded purchase
 * @param refundNo the till's refund number
 * @param amountMinor amount refunded
 * @param pointsReversed points taken back
 * @param balanceAfter balance right after
 * @param tierAfter tier right after
 * @param cashierId who recorded it
 * @param refundedAt when
 */
public record Refund(UUID id, PurchaseId purchaseId, String refundNo, long amountMinor, long pointsReversed,
		long balanceAfter, String tierAfter, @Nullable StaffId cashierId, Instant refundedAt) {

}
