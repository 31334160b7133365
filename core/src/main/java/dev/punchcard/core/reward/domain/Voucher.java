package dev.punchcard.core.reward.domain;

import java.time.Instant;

import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.RewardId;
import dev.punchcard.core.shared.domain.VoucherId;
import org.jspecify.annotations.Nullable;

/**
 * A one-time voucher for a reward; its signed code carries the serial.
 *
 * @param id voucher id
 * @param serial serial signed into the code
 * @param customerId holder
 * @param rewardId reward
 * @param costPoints points paid
 * @param status status
 * @param requestKey idempotency key of the redemption that issued it
 * @param issuedAt when issued
 * @param honouredAt when used
 */
public record Voucher(VoucherId id, long serial, CustomerId customerId, RewardId rewardId, long costPoints,
		VoucherStatus status, @Nullable String requestKey, Instant issuedAt, @Nullable Instant honouredAt) {

}
