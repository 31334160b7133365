package dev.punchcard.core.purchase.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.punchcard.core.notification.application.Notification;
import dev.punchcard.core.notification.application.NotificationPayload.PointsReversed;
import dev.punchcard.core.notification.application.Notifications;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.points.domain.ReversalRule;
import dev.punchcard.core.purchase.application.RefundOutcome.AlreadyRefunded;
import dev.punchcard.core.purchase.application.RefundOutcome.ExceedsPurchase;
import dev.punchcard.core.purchase.application.RefundOutcome.RefundConflict;
import dev.punchcard.core.purchase.application.RefundOutcome.Refunded;
import dev.punchcard.core.purchase.application.RefundOutcome.UnknownPurchase;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.purchase.domain.Refund;
import dev.punchcard.core.shared.domain.Points;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * A till refunds a purchase, once per refund number: the points it earned are taken back
 * in proportion to the amount (never more than it earned, never below a zero balance),
 * and the tier is reviewed.
 */
public class RefundPurchase {

	static final String SOURCE_TYPE = "REFUND";

	private final Purchases purchases;

	private final PointsLedger ledger;

	private final TierReview tierReview;

	private final Notifications notifications;

	private final Clock clock;

	public RefundPurchase(Purchases purchases, PointsLedger ledger, TierReview tierReview, Notifications notifications,
			Clock clock) {
		this.purchases = purchases;
		this.ledger = ledger;
		this.tierReview = tierReview;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** Emits what happened; never errors for business reasons. */
	@Transactional
	public Mono<RefundOutcome> refund(RefundPurchaseCommand command) {
		return this.purchases.findById(command.purchaseId())
			.flatMap((purchase) -> this.ledger.lockAccount(purchase.customerId()))
			.flatMap((balance) -> refundOnce(command, balance))
			.switchIfEmpty(Mono.fromSupplier(UnknownPurchase::new));
	}

	private Mono<RefundOutcome> refundOnce(RefundPurchaseCommand command, Points balance) {
		return this.purchases.findRefund(command.purchaseId(), command.refundNo())
			.<RefundOutcome>map((known) -> (known.amountMinor() == command.amountMinor())
					? new AlreadyRefunded(receiptOf(known)) : new RefundConflict(command.refundNo()))
			// read again under the lock: earlier refunds of this purchase may have just
			// committed
			.switchIfEmpty(Mono.defer(() -> this.purchases.findById(command.purchaseId())
				.flatMap((purchase) -> refundNow(purchase, command, balance))));
	}

	private Mono<RefundOutcome> refundNow(Purchase purchase, RefundPurchaseCommand command, Points balance) {
		if (command.amountMinor() > purchase.refundableMinor()) {
			return Mono.just(new ExceedsPurchase(purchase.refundableMinor()));
		}
		long due = ReversalRule.pointsToReverse(purchase.pointsEarned(), purchase.amount().minorUnits(),
				purchase.refundedMinor(), command.amountMinor(), purchase.pointsReversed());
		long reversed = Math.min(due, balance.value());
		Instant now = this.clock.instant();
		return this.purchases.addRefunded(purchase.id(), command.amountMinor(), reversed)
			.filter(Boolean::booleanValue)
			.flatMap((added) -> this.tierReview.review(purchase.customerId(), SOURCE_TYPE,
					purchase.id() + "/" + command.refundNo(), now))
			.map((tier) -> new Refund(UUID.randomUUID(), purchase.id(), command.refundNo(), command.amountMinor(),
					reversed, balance.value() - reversed, tier, command.cashierId(), now))
			.flatMap((refund) -> record(purchase, refund))
			.switchIfEmpty(Mono.fromSupplier(() -> new ExceedsPurchase(purchase.refundableMinor())));
	}

	private Mono<RefundOutcome> record(Purchase purchase, Refund refund) {
		Mono<Points> reversal = refund.pointsReversed() == 0 ? Mono.just(Points.ZERO)
				: this.ledger.append(LedgerEntry.of(purchase.customerId(), Points.of(-refund.pointsReversed()),
						EntryKind.REVERSAL, "refund " + refund.refundNo() + " of receipt " + purchase.receiptNo(),
						SOURCE_TYPE, refund.id().toString(), refund.refundedAt()));
		return this.purchases.insertRefundIfAbsent(refund)
			.then(reversal)
			.then(this.notifications.enqueue(reversedNotification(purchase, refund)))
			.thenReturn(new Refunded(receiptOf(refund)));
	}

	private static RefundReceipt receiptOf(Refund refund) {
		return new RefundReceipt(refund.id(), refund.purchaseId(), refund.amountMinor(), refund.pointsReversed(),
				refund.balanceAfter(), refund.tierAfter());
	}

	private static Notification reversedNotification(Purchase purchase, Refund refund) {
		return new Notification(purchase.customerId(), "refund:" + refund.id(),
				new PointsReversed(refund.id().toString(), purchase.id().toString(), refund.amountMinor(),
						purchase.amount().currency().getCurrencyCode(), refund.pointsReversed(), refund.balanceAfter(),
						refund.tierAfter()));
	}

}
