package dev.punchcard.bot.notify;

import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.reply.Amounts;
import dev.punchcard.bot.reply.Texts;
import dev.punchcard.core.notification.application.NotificationPayload;
import dev.punchcard.core.notification.application.NotificationPayload.PointsCredited;
import dev.punchcard.core.notification.application.NotificationPayload.PointsExpired;
import dev.punchcard.core.notification.application.NotificationPayload.PointsExpiring;
import dev.punchcard.core.notification.application.NotificationPayload.PointsReversed;
import dev.punchcard.core.notification.application.NotificationPayload.ReferralBonusPaid;
import dev.punchcard.core.notification.application.NotificationPayload.RewardRedeemed;
import dev.punchcard.core.notification.application.NotificationPayload.VoucherCancelled;
import dev.punchcard.core.notification.application.NotificationPayload.WeeklyTopPrize;
import dev.punchcard.core.card.domain.CodeSigner;
import org.springframework.stereotype.Component;

/** Renders each kind of notification in the customer's language. */
@Component
class NotificationTexts {

	private final Texts texts;

	NotificationTexts(Texts texts) {
		this.texts = texts;
	}

	MarkedText render(NotificationPayload payload, String language) {
		return switch (payload) {
			case PointsCredited credited -> this.texts.text(language, "notify.credited", credited.points(),
					Amounts.format(credited.amountMinor(), credited.currency()), credited.storeName(),
					credited.balance(), credited.tier());
			case PointsReversed reversed -> this.texts.text(language, "notify.reversed",
					Amounts.format(reversed.amountMinor(), reversed.currency()), reversed.points(), reversed.balance(),
					reversed.tier());
			case RewardRedeemed redeemed -> this.texts.text(language, "notify.redeemed", redeemed.rewardName(),
					redeemed.points(), CodeSigner.grouped(redeemed.voucherCode()), redeemed.balance());
			case VoucherCancelled cancelled -> this.texts.text(language, "notify.cancelled", cancelled.rewardName(),
					cancelled.points(), cancelled.balance());
			case ReferralBonusPaid bonus ->
				this.texts.text(language, "notify.referral", bonus.points(), bonus.balance());
			case PointsExpiring expiring ->
				this.texts.text(language, "notify.expiring", expiring.points(), expiring.lastDay(), expiring.balance());
			case PointsExpired expired ->
				this.texts.text(language, "notify.expired", expired.points(), expired.balance());
			case WeeklyTopPrize prize -> this.texts.text(language, "notify.weekly-top", prize.place(),
					prize.weekStart(), prize.points(), prize.balance());
		};
	}

}
