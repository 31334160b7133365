package dev.punchcard.core.points.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import dev.punchcard.core.points.application.ExpiryMismatch;
import dev.punchcard.core.points.application.ExpiryRun;
import dev.punchcard.core.points.application.UpcomingExpiry;
import dev.punchcard.core.points.domain.DueExpiry;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.ExpiringLots;
import dev.punchcard.core.points.domain.ExpiryPolicy;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.points.domain.Lot;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.support.Rows;
import dev.punchcard.core.support.TestDatabases;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expiry's SQL on PostgreSQL: the set-based queries find what the rule of
 * {@link ExpiringLots} finds, over random ledgers; lots are stamped when written.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class R2dbcExpiryLedgerIT {

	private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

	private DatabaseClient db;

	private R2dbcExpiryLedger expiries;

	@BeforeEach
	void emptyTables() {
		this.db = TestDatabases.forModule("core").client();
		this.db
			.sql("TRUNCATE customers, points_balances, points_ledger_entries, notification_outbox, "
					+ "points_expiry_runs CASCADE")
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		this.expiries = new R2dbcExpiryLedger(this.db);
	}

	@Test
	void should_find_what_the_fifo_rule_finds_when_ledgers_are_random() {
		Random random = new Random(42);
		Map<CustomerId, List<Lot>> lots = new HashMap<>();
		Map<CustomerId, Long> consumed = new HashMap<>();
		for (int c = 0; c < 40; c++) {
			CustomerId customer = Rows.customerWithAccount(this.db);
			lots.put(customer, new ArrayList<>());
			consumed.put(customer, 0L);
			long balance = 0;
			for (int op = 0; op < 12; op++) {
				if (balance > 0 && random.nextInt(3) == 0) {
					long spent = 1 + random.nextInt((int) balance);
					write(customer, -spent, null, T0.plusSeconds(op));
					consumed.merge(customer, spent, Long::sum);
					balance -= spent;
				}
				else {
					long earned = 1 + random.nextInt(50);
					Instant expiresAt = (random.nextInt(4) == 0) ? null : T0.plusSeconds(86_400L * random.nextInt(6));
					write(customer, earned, expiresAt, T0.plusSeconds(op));
					lots.get(customer).add(new Lot(earned, expiresAt));
					balance += earned;
				}
			}
		}
		Instant now = T0.plusSeconds(86_400L * 2);
		Instant horizon = T0.plusSeconds(86_400L * 4);

		Set<CustomerId> expectedDue = new HashSet<>();
		List<UpcomingExpiry> expectedUpcoming = new ArrayList<>();
		lots.forEach((customer, own) -> {
			ExpiringLots rule = new ExpiringLots(own, consumed.get(customer));
			if (!rule.dueBy(now).isEmpty()) {
				expectedDue.add(customer);
			}
			rule.dueBy(horizon)
				.stream()
				.filter((due) -> due.at().isAfter(now))
				.forEach((due) -> expectedUpcoming.add(new UpcomingExpiry(customer, due, balanceOf(customer))));
		});

		assertThat(this.expiries.withPointsDue(Instant.EPOCH, now).collectList().block())
			.containsExactlyInAnyOrderElementsOf(expectedDue);
		assertThat(this.expiries.upcoming(now, horizon).collectList().block())
			.containsExactlyInAnyOrderElementsOf(expectedUpcoming);
		lots.forEach((customer, own) -> assertThat(this.expiries.lotsOf(customer).block().dueBy(horizon))
			.isEqualTo(new ExpiringLots(own, consumed.get(customer)).dueBy(horizon)));
		assertThat(expectedDue).isNotEmpty();
		assertThat(expectedUpcoming).isNotEmpty();
	}

	@Test
	void should_look_only_at_lots_falling_due_after_since() {
		CustomerId customer = Rows.customerWithAccount(this.db);
		write(customer, 10, T0, T0.minusSeconds(100));

		assertThat(this.expiries.withPointsDue(T0.minusSeconds(1), T0).collectList().block()).containsExactly(customer);
		assertThat(this.expiries.withPointsDue(T0, T0.plusSeconds(60)).collectList().block()).isEmpty();
	}

	@Test
	void should_pass_over_a_warning_already_queued() {
		CustomerId customer = Rows.customerWithAccount(this.db);
		write(customer, 10, T0, T0.minusSeconds(100));
		UpcomingExpiry upcoming = new UpcomingExpiry(customer, new DueExpiry(T0, 10), 10);
		assertThat(this.expiries.upcoming(T0.minusSeconds(60), T0).collectList().block()).containsExactly(upcoming);

		this.db.sql("""
				INSERT INTO notification_outbox (id, customer_id, kind, payload, idempotency_key)
				VALUES (:id, :customer, 'PointsExpiring', '{}'::jsonb, :key)
				""")
			.bind("id", UUID.randomUUID())
			.bind("customer", customer.value())
			.bind("key", dev.punchcard.core.points.application.WarnOfExpiry.warningKey(upcoming))
			.then()
			.block();

		assertThat(this.expiries.upcoming(T0.minusSeconds(60), T0).collectList().block()).isEmpty();
	}

	@Test
	void should_stamp_lots_with_the_policy_in_force_when_they_are_written() {
		CustomerId customer = Rows.customerWithAccount(this.db);
		Instant earned = Instant.parse("2026-12-02T15:00:00Z");
		new R2dbcPointsLedger(this.db, ExpiryPolicy.never())
			.append(LedgerEntry.of(customer, Points.of(5), EntryKind.EARN, "before", "T", "1", earned))
			.block();
		R2dbcPointsLedger twelveMonths = new R2dbcPointsLedger(this.db, new ExpiryPolicy(Period.ofMonths(12)));
		twelveMonths.append(LedgerEntry.of(customer, Points.of(7), EntryKind.BONUS, "after", "T", "2", earned)).block();
		twelveMonths.append(LedgerEntry.of(customer, Points.of(-3), EntryKind.REDEEM, "spent", "T", "3", earned))
			.block();

		assertThat(this.db.sql("SELECT source_id, expires_at FROM points_ledger_entries ORDER BY source_id")
			.map((row) -> row.get("source_id", String.class) + "="
					+ java.util.Optional.ofNullable(row.get("expires_at", OffsetDateTime.class))
						.map(OffsetDateTime::toInstant)
						.map(Instant::toString)
						.orElse("never"))
			.all()
			.collectList()
			.block()).containsExactly("1=never", "2=2027-12-03T00:00:00Z", "3=never");
		assertThat(this.expiries.lotsOf(customer).block().nextAfter(earned))
			.contains(new DueExpiry(Instant.parse("2027-12-03T00:00:00Z"), 4));
	}

	@Test
	void should_report_a_member_when_more_expired_than_their_due_lots_held() {
		CustomerId customer = Rows.customerWithAccount(this.db);
		write(customer, 10, T0, T0.minusSeconds(100));
		write(customer, 10, T0.plusSeconds(86_400), T0.minusSeconds(90));
		writeExpire(customer, -15, T0);

		assertThat(this.expiries.overExpired(T0).collectList().block())
			.containsExactly(new ExpiryMismatch(customer, 15, 10));
		assertThat(this.expiries.overExpired(T0.plusSeconds(86_400)).collectList().block()).isEmpty();
	}

	@Test
	void should_keep_the_latest_run_and_record_an_instant_once() {
		this.expiries.lastRunUpTo().as(StepVerifier::create).verifyComplete();
		this.expiries.recordRun(new ExpiryRun(T0, 1, 5)).block();
		this.expiries.recordRun(new ExpiryRun(T0, 2, 9)).block();
		this.expiries.recordRun(new ExpiryRun(T0.minusSeconds(5), 0, 0)).block();

		this.expiries.lastRunUpTo().as(StepVerifier::create).expectNext(T0).verifyComplete();
	}

	private long balanceOf(CustomerId customer) {
		return this.db.sql("SELECT balance FROM points_balances WHERE customer_id = :c")
			.bind("c", customer.value())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private void write(CustomerId customer, long delta, @Nullable Instant expiresAt, Instant at) {
		insert(customer, delta, (delta > 0) ? "EARN" : "REDEEM", expiresAt, at);
	}

	private void writeExpire(CustomerId customer, long delta, Instant at) {
		insert(customer, delta, "EXPIRE", null, at);
	}

	private void insert(CustomerId customer, long delta, String kind, @Nullable Instant expiresAt, Instant at) {
		this.db.sql("""
				WITH moved AS (
				    UPDATE points_balances SET balance = balance + :delta WHERE customer_id = :c RETURNING balance
				)
				INSERT INTO points_ledger_entries (id, customer_id, delta, kind, reason, source_type, source_id,
				                                   occurred_at, expires_at)
				SELECT :id, :c, :delta, :kind, 'test', 'TEST', :id::text, :at, :expiresAt FROM moved
				""")
			.bind("id", UUID.randomUUID())
			.bind("c", customer.value())
			.bind("delta", delta)
			.bind("kind", kind)
			.bind("at", at.atOffset(ZoneOffset.UTC))
			.bind("expiresAt",
					Parameter.fromOrEmpty((expiresAt == null) ? null : expiresAt.atOffset(ZoneOffset.UTC),
							OffsetDateTime.class))
			.then()
			.block();
	}

}
