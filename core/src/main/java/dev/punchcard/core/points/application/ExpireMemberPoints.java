package dev.punchcard.core.points.application;

import java.time.Instant;
import java.util.List;

import dev.punchcard.core.notification.application.Notification;
import dev.punchcard.core.notification.application.NotificationPayload.PointsExpired;
import dev.punchcard.core.notification.application.Notifications;
import dev.punchcard.core.points.domain.DueExpiry;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Expires a member's due points in one transaction under their account lock: one
 * {@link EntryKind#EXPIRE} entry per expiry instant, the balance moved with each, and one
 * notice. What is due is computed again under the lock, so a redemption committed just
 * before is counted and a second run finds nothing left.
 */
public class ExpireMemberPoints {

	static final String SOURCE_TYPE = "EXPIRY";

	private final PointsLedger ledger;

	private final ExpiryLedger expiries;

	private final Notifications notifications;

	public ExpireMemberPoints(PointsLedger ledger, ExpiryLedger expiries, Notifications notifications) {
		this.ledger = ledger;
		this.expiries = expiries;
		this.notifications = notifications;
	}

	/**
	 * Emits the points expired, or completes empty when none were due by {@code now} (or
	 * the customer is unknown). Never errors for business reasons.
	 */
	@Transactional
	public Mono<Points> expire(CustomerId customerId, Instant now) {
		return this.ledger.lockAccount(customerId)
			.then(this.expiries.lotsOf(customerId))
			.map((lots) -> lots.dueBy(now))
			.filter((due) -> !due.isEmpty())
			.flatMap((due) -> write(customerId, due));
	}

	private Mono<Points> write(CustomerId customerId, List<DueExpiry> due) {
		Points expired = Points.of(due.stream().mapToLong(DueExpiry::points).sum());
		DueExpiry last = due.get(due.size() - 1);
		return Flux.fromIterable(due)
			.concatMap((one) -> this.ledger.append(entryOf(customerId, one)))
			.last()
			.flatMap((balance) -> this.notifications
				.enqueue(new Notification(customerId, "points-expired:" + customerId + ":" + last.at().getEpochSecond(),
						new PointsExpired(expired.value(), balance.value()))))
			.thenReturn(expired);
	}

	private static LedgerEntry entryOf(CustomerId customerId, DueExpiry due) {
		return LedgerEntry.of(customerId, Points.of(-due.points()), EntryKind.EXPIRE,
				"points earned until " + due.lastDay() + " expired", SOURCE_TYPE,
				customerId + ":" + due.at().getEpochSecond(), due.at());
	}

}
