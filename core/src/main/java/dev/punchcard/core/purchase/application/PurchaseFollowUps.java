package dev.punchcard.core.purchase.application;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.notification.application.Notification;
import dev.punchcard.core.notification.application.NotificationPayload.PointsCredited;
import dev.punchcard.core.notification.application.Notifications;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.store.domain.Store;
import reactor.core.publisher.Mono;

/**
 * What follows a credited purchase in its transaction: the tier review, a referral bonus,
 * the notification.
 */
public class PurchaseFollowUps {

	private final TierReview tierReview;

	private final ReferralBonus referralBonus;

	private final Notifications notifications;

	public PurchaseFollowUps(TierReview tierReview, ReferralBonus referralBonus, Notifications notifications) {
		this.tierReview = tierReview;
		this.referralBonus = referralBonus;
		this.notifications = notifications;
	}

	/** Completes when all follow-ups are written. */
	public Mono<Void> after(Customer customer, Store store, Purchase purchase, long netSpend) {
		return this.tierReview
			.reviewAt(customer.id(), customer.tier(), netSpend, RecordPurchase.SOURCE_TYPE, purchase.id().toString(),
					purchase.recordedAt())
			.then(this.notifications.enqueue(credited(store, purchase)))
			.then(this.referralBonus.payIfDue(customer, purchase.recordedAt()));
	}

	static Notification credited(Store store, Purchase purchase) {
		return new Notification(purchase.customerId(), "purchase:" + purchase.id(),
				new PointsCredited(purchase.id().toString(), store.name(), purchase.amount().minorUnits(),
						purchase.amount().currency().getCurrencyCode(), purchase.pointsEarned(),
						purchase.balanceAfter(), purchase.tierAfter()));
	}

}
