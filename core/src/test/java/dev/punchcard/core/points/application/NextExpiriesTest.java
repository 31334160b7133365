package dev.punchcard.core.points.application;

import java.time.Duration;
import java.time.Instant;

import dev.punchcard.core.notification.application.InMemoryNotifications;
import dev.punchcard.core.points.domain.DueExpiry;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class NextExpiriesTest {

	private static final Instant NOW = TestClock.NOW;

	private final InMemoryPointsLedger ledger = new InMemoryPointsLedger();

	private final InMemoryExpiryLedger expiries = new InMemoryExpiryLedger(this.ledger, new InMemoryNotifications());

	private final NextExpiries next = new NextExpiries(this.expiries, TestClock.fixed());

	private final CustomerId carla = CustomerId.random();

	@Test
	void should_show_the_soonest_points_left_when_some_expire() {
		this.ledger.openAccount(this.carla);
		this.expiries.earn(this.carla, 10, NOW, NOW.plus(Duration.ofDays(40)));
		this.expiries.earn(this.carla, 5, NOW, NOW.plus(Duration.ofDays(90)));
		this.ledger.spend(this.carla, 12);

		this.next.of(this.carla)
			.as(StepVerifier::create)
			.expectNext(new DueExpiry(NOW.plus(Duration.ofDays(90)), 3))
			.verifyComplete();
	}

	@Test
	void should_show_nothing_when_no_points_expire() {
		this.ledger.openAccount(this.carla);
		this.expiries.earn(this.carla, 10, NOW, null);

		this.next.of(this.carla).as(StepVerifier::create).verifyComplete();
	}

}
