package dev.punchcard.core.notification.application;

/**
 * What a notification tells the customer; each record is rendered by the channel that
 * delivers it.
 */
public sealed interface NotificationPayload {

	/** The record's kind, stored next to the JSON payload. */
	default String kind() {
		return getClass().getSimpleName();
	}

	/** Points were credited for a purchase. */
	record PointsCredited(String purchaseId, String storeName, long amountMinor, String currency, long points,
			long balance, String tier) implements NotificationPayload {
	}

	/** Points were taken back by a refund. */
	record PointsReversed(String refundId, String purchaseId, long amountMinor, String currency, long points,
			long balance, String tier) implements NotificationPayload {
	}

	/** A reward was redeemed and a voucher issued. */
	record RewardRedeemed(String voucherId, String voucherCode, String rewardName, long points,
			long balance) implements NotificationPayload {
	}

	/**
	 * A referral bonus was credited (to the new member or to the friend who referred
	 * them).
	 */
	record ReferralBonusPaid(long points, long balance) implements NotificationPayload {
	}

	/** An unused voucher was cancelled and its points given back. */
	record VoucherCancelled(String voucherId, String rewardName, long points,
			long balance) implements NotificationPayload {
	}

	/**
	 * Points will expire: {@code points} of them after {@code lastDay} (an ISO date,
	 * UTC), the last day they can be spent.
	 */
	record PointsExpiring(long points, String lastDay, long balance) implements NotificationPayload {
	}

	/** Points expired. */
	record PointsExpired(long points, long balance) implements NotificationPayload {
	}

	/**
	 * A weekly top-10 prize was credited: {@code place} in the week that started on
	 * {@code weekStart} (an ISO date).
	 */
	record WeeklyTopPrize(String weekStart, int place, long points, long balance) implements NotificationPayload {
	}

}
