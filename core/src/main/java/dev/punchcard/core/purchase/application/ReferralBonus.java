package dev.punchcard.core.purchase.application;

import java.time.Instant;

import dev.punchcard.core.customer.application.Customers;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerStatus;
import dev.punchcard.core.notification.application.Notification;
import dev.punchcard.core.notification.application.NotificationPayload.ReferralBonusPaid;
import dev.punchcard.core.notification.application.Notifications;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import reactor.core.publisher.Mono;

/**
 * Pays the referral bonus to a referred customer and their referrer on the referred
 * customer's first purchase, once (the referrer's share only while they are not blocked).
 * Runs in the purchase's transaction under the referred customer's account lock; the
 * referrer's account is locked after it (a referral is recorded only when a new member
 * joins, so referrals form no cycle and locks no deadlock).
 */
public class ReferralBonus {

	static final String REFEREE = "REFERRAL_REFEREE";

	static final String REFERRER = "REFERRAL_REFERRER";

	private final Customers customers;

	private final PointsLedger ledger;

	private final Notifications notifications;

	private final Points bonus;

	public ReferralBonus(Customers customers, PointsLedger ledger, Notifications notifications, Points bonus) {
		this.customers = customers;
		this.ledger = ledger;
		this.notifications = notifications;
		this.bonus = bonus;
	}

	/**
	 * Pays the bonus if the customer was referred and has not been rewarded yet;
	 * completes either way.
	 */
	public Mono<Void> payIfDue(Customer customer, Instant at) {
		CustomerId referrer = customer.referredBy();
		if (referrer == null || this.bonus.isZero()) {
			return Mono.empty();
		}
		return this.customers.markReferralRewarded(customer.id(), at)
			.filter(Boolean::booleanValue)
			.flatMap((due) -> credit(customer.id(), REFEREE, customer.id(), at)
				.then(creditReferrer(referrer, customer, at)));
	}

	/** A blocked member earns nothing, a referral bonus included. */
	private Mono<Void> creditReferrer(CustomerId referrer, Customer referee, Instant at) {
		return this.ledger.lockAccount(referrer)
			.then(this.customers.findById(referrer))
			.filter((found) -> found.status() != CustomerStatus.BLOCKED)
			.flatMap((found) -> credit(referrer, REFERRER, referee.id(), at));
	}

	private Mono<Void> credit(CustomerId to, String sourceType, CustomerId referee, Instant at) {
		return this.ledger
			.append(LedgerEntry.of(to, this.bonus, EntryKind.BONUS, "referral bonus", sourceType, referee.toString(),
					at))
			.flatMap((balance) -> this.notifications
				.enqueue(new Notification(to, sourceType.toLowerCase() + ":" + referee,
						new ReferralBonusPaid(this.bonus.value(), balance.value()))));
	}

}
