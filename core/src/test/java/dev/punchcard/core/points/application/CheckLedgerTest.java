package dev.punchcard.core.points.application;

import java.time.Duration;
import java.time.Instant;

import dev.punchcard.core.notification.application.InMemoryNotifications;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class CheckLedgerTest {

	private static final Instant NOW = TestClock.NOW;

	private final InMemoryPointsLedger ledger = new InMemoryPointsLedger();

	private final InMemoryNotifications notifications = new InMemoryNotifications();

	private final InMemoryExpiryLedger expiries = new InMemoryExpiryLedger(this.ledger, this.notifications);

	private final CheckLedger check = new CheckLedger(this.ledger, this.expiries, TestClock.fixed());

	private final CustomerId carla = CustomerId.random();

	@Test
	void should_find_the_ledger_consistent_when_points_expired_as_due() {
		this.ledger.openAccount(this.carla);
		this.expiries.earn(this.carla, 10, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)));
		new ExpirePoints(this.expiries, new ExpireMemberPoints(this.ledger, this.expiries, this.notifications),
				TestClock.fixed())
			.run()
			.then()
			.as(StepVerifier::create)
			.verifyComplete();

		this.check.check()
			.as(StepVerifier::create)
			.assertNext((report) -> assertThat(report.consistent()).isTrue())
			.verifyComplete();
	}

	@Test
	void should_report_the_member_when_more_points_expired_than_their_due_lots_held() {
		this.ledger.openAccount(this.carla);
		this.expiries.earn(this.carla, 10, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)));
		this.expiries.earn(this.carla, 10, NOW, NOW.plus(Duration.ofDays(300)));
		this.ledger.append(LedgerEntry.of(this.carla, Points.of(-15), EntryKind.EXPIRE, "wrong", "EXPIRY", "x", NOW))
			.block();

		this.check.check().as(StepVerifier::create).assertNext((report) -> {
			assertThat(report.consistent()).isFalse();
			assertThat(report.mismatches()).isEmpty();
			assertThat(report.expiryMismatches()).containsExactly(new ExpiryMismatch(this.carla, 15, 10));
		}).verifyComplete();
	}

}
