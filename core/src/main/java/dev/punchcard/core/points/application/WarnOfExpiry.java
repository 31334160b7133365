package dev.punchcard.core.points.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.punchcard.core.notification.application.Notification;
import dev.punchcard.core.notification.application.NotificationPayload.PointsExpiring;
import dev.punchcard.core.notification.application.Notifications;
import reactor.core.publisher.Mono;

/**
 * Tells members {@code warnBefore} ahead how many points expire when: once per member and
 * expiry instant (the outbox's idempotency key), through the same outbox, channels and
 * preferences as every other notice.
 */
public class WarnOfExpiry {

	private final ExpiryLedger expiries;

	private final Notifications notifications;

	private final Duration warnBefore;

	private final Clock clock;

	public WarnOfExpiry(ExpiryLedger expiries, Notifications notifications, Duration warnBefore, Clock clock) {
		if (warnBefore.isNegative() || warnBefore.isZero()) {
			throw new IllegalArgumentException("warnings must come a positive time before: " + warnBefore);
		}
		this.expiries = expiries;
		this.notifications = notifications;
		this.warnBefore = warnBefore;
		this.clock = clock;
	}

	/**
	 * Emits how many warnings were queued now; errors only for infrastructure failures.
	 */
	public Mono<Long> warn() {
		Instant now = this.clock.instant();
		return this.expiries.upcoming(now, now.plus(this.warnBefore))
			.concatMap((upcoming) -> this.notifications.enqueue(warningOf(upcoming)).thenReturn(upcoming))
			.count();
	}

	/** The key the adapter's query also builds, to pass over warnings already queued. */
	static Notification warningOf(UpcomingExpiry upcoming) {
		return new Notification(upcoming.customerId(), warningKey(upcoming),
				new PointsExpiring(upcoming.due().points(), upcoming.due().lastDay().toString(), upcoming.balance()));
	}

	/**
	 * The idempotency key of the warning of points expiring at an instant:
	 * {@code expiry-warning:<customer>:<epoch second>}.
	 */
	public static String warningKey(UpcomingExpiry upcoming) {
		return "expiry-warning:" + upcoming.customerId() + ":" + upcoming.due().at().getEpochSecond();
	}

}
