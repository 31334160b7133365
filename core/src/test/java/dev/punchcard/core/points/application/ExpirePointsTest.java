package dev.punchcard.core.points.application;

import java.time.Duration;
import java.time.Instant;

import dev.punchcard.core.notification.application.InMemoryNotifications;
import dev.punchcard.core.notification.application.NotificationPayload.PointsExpired;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class ExpirePointsTest {

	private static final Instant NOW = TestClock.NOW;

	private static final Instant LAST_WEEK = NOW.minus(Duration.ofDays(7));

	private static final Instant YESTERDAY = NOW.minus(Duration.ofDays(1));

	private static final Instant NEXT_WEEK = NOW.plus(Duration.ofDays(7));

	private final InMemoryPointsLedger ledger = new InMemoryPointsLedger();

	private final InMemoryNotifications notifications = new InMemoryNotifications();

	private final InMemoryExpiryLedger expiries = new InMemoryExpiryLedger(this.ledger, this.notifications);

	private final ExpireMemberPoints member = new ExpireMemberPoints(this.ledger, this.expiries, this.notifications);

	private final ExpirePoints expire = new ExpirePoints(this.expiries, this.member, TestClock.fixed());

	private final CustomerId carla = CustomerId.random();

	@Test
	void should_write_one_expire_entry_per_due_instant_when_lots_fell_due() {
		this.ledger.openAccount(this.carla);
		this.expiries.earn(this.carla, 10, NOW.minus(Duration.ofDays(400)), LAST_WEEK);
		this.expiries.earn(this.carla, 7, NOW.minus(Duration.ofDays(380)), YESTERDAY);
		this.expiries.earn(this.carla, 5, NOW.minus(Duration.ofDays(300)), NEXT_WEEK);
		this.ledger.spend(this.carla, 4);

		this.expire.run().as(StepVerifier::create).expectNext(new ExpiryRun(NOW, 1, 13)).verifyComplete();

		assertThat(this.ledger.entriesOf(this.carla, EntryKind.EXPIRE))
			.extracting(LedgerEntry::delta, LedgerEntry::sourceId, LedgerEntry::occurredAt)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(Points.of(-6), this.carla + ":" + LAST_WEEK.getEpochSecond(),
							LAST_WEEK),
					org.assertj.core.groups.Tuple.tuple(Points.of(-7), this.carla + ":" + YESTERDAY.getEpochSecond(),
							YESTERDAY));
		assertThat(this.ledger.balance(this.carla)).isEqualTo(5);
		assertThat(this.ledger.mismatchesNow()).isEmpty();
		assertThat(this.notifications.queuedFor(this.carla)).containsExactly(new PointsExpired(13, 5));
		assertThat(this.expiries.runs()).containsExactly(new ExpiryRun(NOW, 1, 13));
	}

	@Test
	void should_expire_nothing_again_when_the_run_is_repeated() {
		this.ledger.openAccount(this.carla);
		this.expiries.earn(this.carla, 10, NOW.minus(Duration.ofDays(400)), YESTERDAY);
		this.expire.run().then().as(StepVerifier::create).verifyComplete();

		ExpireMemberPoints again = new ExpireMemberPoints(this.ledger, this.expiries, this.notifications);

		again.expire(this.carla, NOW).as(StepVerifier::create).verifyComplete();
		this.expire.run().as(StepVerifier::create).expectNext(new ExpiryRun(NOW, 0, 0)).verifyComplete();
		assertThat(this.ledger.entriesOf(this.carla, EntryKind.EXPIRE)).hasSize(1);
		assertThat(this.ledger.balance(this.carla)).isZero();
		assertThat(this.notifications.queuedFor(this.carla)).hasSize(1);
	}

	@Test
	void should_count_a_redemption_first_when_it_was_committed_before_the_expiry() {
		this.ledger.openAccount(this.carla);
		this.expiries.earn(this.carla, 10, NOW.minus(Duration.ofDays(400)), YESTERDAY);
		this.expiries.earn(this.carla, 10, NOW.minus(Duration.ofDays(10)), NEXT_WEEK);
		this.ledger.spend(this.carla, 8);

		this.member.expire(this.carla, NOW).as(StepVerifier::create).expectNext(Points.of(2)).verifyComplete();

		assertThat(this.ledger.balance(this.carla)).isEqualTo(10);
		assertThat(this.ledger.locksTaken(this.carla)).isEqualTo(1);
	}

	@Test
	void should_expire_nothing_when_no_lot_is_due_yet() {
		this.ledger.openAccount(this.carla);
		this.expiries.earn(this.carla, 10, NOW, NEXT_WEEK);
		this.expiries.earn(this.carla, 10, NOW, null);

		this.expire.run().as(StepVerifier::create).expectNext(new ExpiryRun(NOW, 0, 0)).verifyComplete();

		assertThat(this.ledger.entriesOf(this.carla, EntryKind.EXPIRE)).isEmpty();
		assertThat(this.notifications.queued()).isEmpty();
	}

	@Test
	void should_look_only_past_the_last_run_when_a_run_was_recorded() {
		this.ledger.openAccount(this.carla);
		this.expiries.earn(this.carla, 10, NOW.minus(Duration.ofDays(400)), LAST_WEEK);
		this.expiries.recordRun(new ExpiryRun(YESTERDAY, 0, 0)).block();

		this.expire.run().as(StepVerifier::create).expectNext(new ExpiryRun(NOW, 0, 0)).verifyComplete();
	}

	@Test
	void should_catch_up_every_due_instant_when_runs_were_missed() {
		this.ledger.openAccount(this.carla);
		this.expiries.recordRun(new ExpiryRun(NOW.minus(Duration.ofDays(30)), 0, 0)).block();
		this.expiries.earn(this.carla, 10, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(20)));
		this.expiries.earn(this.carla, 3, NOW.minus(Duration.ofDays(390)), NOW.minus(Duration.ofDays(10)));

		this.expire.run().as(StepVerifier::create).expectNext(new ExpiryRun(NOW, 1, 13)).verifyComplete();
		assertThat(this.ledger.entriesOf(this.carla, EntryKind.EXPIRE)).hasSize(2);
	}

	@Test
	void should_complete_empty_when_the_customer_is_unknown() {
		this.member.expire(CustomerId.random(), NOW).as(StepVerifier::create).verifyComplete();
	}

}
