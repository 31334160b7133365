package dev.punchcard.core.points.application;

import java.time.Duration;
import java.time.Instant;

import dev.punchcard.core.notification.application.InMemoryNotifications;
import dev.punchcard.core.notification.application.NotificationPayload.PointsExpiring;
import dev.punchcard.core.points.domain.DueExpiry;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WarnOfExpiryTest {

	private static final Instant NOW = TestClock.NOW;

	// 2026-12-12T00:00Z: the points last through 11 December
	private static final Instant IN_TEN_DAYS = Instant.parse("2026-12-12T00:00:00Z");

	private static final Instant IN_TWENTY_DAYS = Instant.parse("2026-12-22T00:00:00Z");

	private final InMemoryPointsLedger ledger = new InMemoryPointsLedger();

	private final InMemoryNotifications notifications = new InMemoryNotifications();

	private final InMemoryExpiryLedger expiries = new InMemoryExpiryLedger(this.ledger, this.notifications);

	private final WarnOfExpiry warn = new WarnOfExpiry(this.expiries, this.notifications, Duration.ofDays(30),
			TestClock.fixed());

	private final CustomerId carla = CustomerId.random();

	@Test
	void should_tell_the_member_how_many_points_expire_when_when_they_fall_due_within_the_warning_time() {
		this.ledger.openAccount(this.carla);
		this.expiries.earn(this.carla, 10, NOW.minus(Duration.ofDays(355)), IN_TEN_DAYS);
		this.expiries.earn(this.carla, 4, NOW.minus(Duration.ofDays(345)), IN_TWENTY_DAYS);
		this.expiries.earn(this.carla, 6, NOW, null);
		this.ledger.spend(this.carla, 3);

		this.warn.warn().as(StepVerifier::create).expectNext(2L).verifyComplete();

		assertThat(this.notifications.queuedFor(this.carla)).containsExactly(new PointsExpiring(7, "2026-12-11", 17),
				new PointsExpiring(4, "2026-12-21", 17));
		assertThat(this.notifications.queued().get(0).idempotencyKey())
			.isEqualTo(WarnOfExpiry.warningKey(new UpcomingExpiry(this.carla, new DueExpiry(IN_TEN_DAYS, 7), 17)));
	}

	@Test
	void should_warn_once_when_the_warnings_run_again() {
		this.ledger.openAccount(this.carla);
		this.expiries.earn(this.carla, 10, NOW.minus(Duration.ofDays(355)), IN_TEN_DAYS);
		this.warn.warn().then().as(StepVerifier::create).verifyComplete();

		this.warn.warn().as(StepVerifier::create).expectNext(0L).verifyComplete();

		assertThat(this.notifications.queuedFor(this.carla)).hasSize(1);
	}

	@Test
	void should_not_warn_yet_when_the_points_expire_after_the_warning_time() {
		this.ledger.openAccount(this.carla);
		this.expiries.earn(this.carla, 10, NOW, NOW.plus(Duration.ofDays(31)));

		this.warn.warn().as(StepVerifier::create).expectNext(0L).verifyComplete();
	}

	@Test
	void should_not_warn_when_the_points_were_spent_already() {
		this.ledger.openAccount(this.carla);
		this.expiries.earn(this.carla, 10, NOW.minus(Duration.ofDays(355)), IN_TEN_DAYS);
		this.ledger.spend(this.carla, 10);

		this.warn.warn().as(StepVerifier::create).expectNext(0L).verifyComplete();
	}

	@Test
	void should_refuse_a_warning_time_that_is_not_positive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WarnOfExpiry(this.expiries, this.notifications, Duration.ZERO, TestClock.fixed()));
	}

}
