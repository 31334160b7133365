package dev.punchcard.core.reward.application;

import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.reward.domain.Voucher;

/** What redeeming a reward did. */
public sealed interface RedemptionOutcome {

	/**
	 * Points debited, stock taken, voucher issued; {@code balance} is the new balance.
	 */
	record Redeemed(Voucher voucher, String voucherCode, Reward reward, long balance) implements RedemptionOutcome {
	}

	/** The same redemption request was handled before; this is its voucher. */
	record AlreadyRedeemed(Voucher voucher, String voucherCode, Reward reward,
			long balance) implements RedemptionOutcome {
	}

	/** The balance does not cover the cost; nothing changed. */
	record NotEnoughPoints(long balance, long cost) implements RedemptionOutcome {
	}

	/** The reward has no stock left; nothing changed. */
	record OutOfStock() implements RedemptionOutcome {
	}

	/** No active reward with this id. */
	record UnknownReward() implements RedemptionOutcome {
	}

	/** No such customer, or their membership is blocked. */
	record UnknownCustomer() implements RedemptionOutcome {
	}

}
