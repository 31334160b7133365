package dev.punchcard.bot.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.punchcard.bot.reply.Amounts;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.notification.application.NotificationPayload;
import dev.punchcard.core.notification.application.NotificationPayload.PointsCredited;
import dev.punchcard.core.notification.application.NotificationPayload.PointsExpired;
import dev.punchcard.core.notification.application.NotificationPayload.PointsExpiring;
import dev.punchcard.core.notification.application.NotificationPayload.PointsReversed;
import dev.punchcard.core.notification.application.NotificationPayload.ReferralBonusPaid;
import dev.punchcard.core.notification.application.NotificationPayload.RewardRedeemed;
import dev.punchcard.core.notification.application.NotificationPayload.VoucherCancelled;
import dev.punchcard.core.notification.application.NotificationPayload.WeeklyTopPrize;

/**
 * What each kind of notification can show in a channel's template, by name, formatted for
 * the member: {@code points}, {@code balance}, {@code store}, {@code amount},
 * {@code tier}, {@code reward}, {@code code}, {@code date}, {@code place}, {@code week}.
 * Template settings name these fields.
 */
public final class NoticeFields {

	private static final Map<String, List<String>> BY_KIND = Map.of( //
			PointsCredited.class.getSimpleName(), List.of("points", "amount", "store", "balance", "tier"),
			PointsReversed.class.getSimpleName(), List.of("points", "amount", "balance", "tier"),
			RewardRedeemed.class.getSimpleName(), List.of("reward", "points", "code", "balance"),
			VoucherCancelled.class.getSimpleName(), List.of("reward", "points", "balance"),
			ReferralBonusPaid.class.getSimpleName(), List.of("points", "balance"), PointsExpiring.class.getSimpleName(),
			List.of("points", "date", "balance"), PointsExpired.class.getSimpleName(), List.of("points", "balance"),
			WeeklyTopPrize.class.getSimpleName(), List.of("place", "week", "points", "balance"));

	private NoticeFields() {
	}

	/** Every kind of notification. */
	public static Set<String> kinds() {
		return BY_KIND.keySet();
	}

	/** The fields a kind of notification has, or none for an unknown kind. */
	public static List<String> of(String kind) {
		return BY_KIND.getOrDefault(kind, List.of());
	}

	/** The notification's fields with their values. */
	static Map<String, String> values(NotificationPayload payload) {
		Map<String, String> values = new LinkedHashMap<>();
		switch (payload) {
			case PointsCredited credited -> {
				values.put("points", Long.toString(credited.points()));
				values.put("amount", Amounts.format(credited.amountMinor(), credited.currency()));
				values.put("store", credited.storeName());
				values.put("balance", Long.toString(credited.balance()));
				values.put("tier", credited.tier());
			}
			case PointsReversed reversed -> {
				values.put("points", Long.toString(reversed.points()));
				values.put("amount", Amounts.format(reversed.amountMinor(), reversed.currency()));
				values.put("balance", Long.toString(reversed.balance()));
				values.put("tier", reversed.tier());
			}
			case RewardRedeemed redeemed -> {
				values.put("reward", redeemed.rewardName());
				values.put("points", Long.toString(redeemed.points()));
				values.put("code", CodeSigner.grouped(redeemed.voucherCode()));
				values.put("balance", Long.toString(redeemed.balance()));
			}
			case VoucherCancelled cancelled -> {
				values.put("reward", cancelled.rewardName());
				values.put("points", Long.toString(cancelled.points()));
				values.put("balance", Long.toString(cancelled.balance()));
			}
			case ReferralBonusPaid bonus -> {
				values.put("points", Long.toString(bonus.points()));
				values.put("balance", Long.toString(bonus.balance()));
			}
			case PointsExpiring expiring -> {
				values.put("points", Long.toString(expiring.points()));
				values.put("date", expiring.lastDay());
				values.put("balance", Long.toString(expiring.balance()));
			}
			case PointsExpired expired -> {
				values.put("points", Long.toString(expired.points()));
				values.put("balance", Long.toString(expired.balance()));
			}
			case WeeklyTopPrize prize -> {
				values.put("place", Integer.toString(prize.place()));
				values.put("week", prize.weekStart());
				values.put("points", Long.toString(prize.points()));
				values.put("balance", Long.toString(prize.balance()));
			}
		}
		return values;
	}

}
