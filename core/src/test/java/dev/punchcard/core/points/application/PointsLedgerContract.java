package dev.punchcard.core.points.application;

import java.time.Instant;
import java.util.UUID;

import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link PointsLedger} guarantees; run against {@link InMemoryPointsLedger}
 * ({@code InMemoryPointsLedgerTest}) and against PostgreSQL
 * ({@code R2dbcPointsLedgerIT}), so the fake the use-case tests rely on keeps the
 * guarantees of the real adapter.
 */
public abstract class PointsLedgerContract {

	private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

	/** The ledger under test. */
	protected abstract PointsLedger ledger();

	/** A new customer with a zero balance, stored as enrolment stores one. */
	protected abstract CustomerId anAccount();

	@Test
	void should_move_the_balance_and_write_the_entry_when_an_entry_is_appended() {
		CustomerId customer = anAccount();

		ledger().append(entry(customer, 30, "P", "1"))
			.as(StepVerifier::create)
			.expectNext(Points.of(30))
			.verifyComplete();
		ledger().append(entry(customer, -10, "R", "1"))
			.as(StepVerifier::create)
			.expectNext(Points.of(20))
			.verifyComplete();

		ledger().balanceOf(customer).as(StepVerifier::create).expectNext(Points.of(20)).verifyComplete();
		ledger().countEntriesOf(customer).as(StepVerifier::create).expectNext(2L).verifyComplete();
		ledger().hasEntryFrom("P", "1").as(StepVerifier::create).expectNext(true).verifyComplete();
	}

	@Test
	void should_move_nothing_and_complete_empty_when_an_entry_would_take_the_balance_below_zero() {
		CustomerId customer = anAccount();
		ledger().append(entry(customer, 10, "P", "1")).then().as(StepVerifier::create).verifyComplete();

		ledger().append(entry(customer, -11, "R", "1")).as(StepVerifier::create).verifyComplete();

		ledger().balanceOf(customer).as(StepVerifier::create).expectNext(Points.of(10)).verifyComplete();
		ledger().hasEntryFrom("R", "1").as(StepVerifier::create).expectNext(false).verifyComplete();
	}

	@Test
	void should_let_the_balance_reach_exactly_zero_when_an_entry_takes_all_of_it() {
		CustomerId customer = anAccount();
		ledger().append(entry(customer, 10, "P", "1")).then().as(StepVerifier::create).verifyComplete();

		ledger().append(entry(customer, -10, "R", "1"))
			.as(StepVerifier::create)
			.expectNext(Points.ZERO)
			.verifyComplete();
	}

	@Test
	void should_error_and_move_nothing_when_the_source_was_already_recorded() {
		CustomerId customer = anAccount();
		CustomerId other = anAccount();
		ledger().append(entry(customer, 10, "P", "1")).then().as(StepVerifier::create).verifyComplete();

		ledger().append(entry(other, 10, "P", "1"))
			.as(StepVerifier::create)
			.expectError(DataIntegrityViolationException.class)
			.verify();

		ledger().balanceOf(other).as(StepVerifier::create).expectNext(Points.ZERO).verifyComplete();
		ledger().countEntriesOf(other).as(StepVerifier::create).expectNext(0L).verifyComplete();
	}

	@Test
	void should_complete_empty_without_error_when_a_known_source_would_take_the_balance_below_zero() {
		CustomerId customer = anAccount();
		ledger().append(entry(customer, 10, "P", "1")).then().as(StepVerifier::create).verifyComplete();

		ledger().append(entry(customer, -50, "P", "1")).as(StepVerifier::create).verifyComplete();
	}

	@Test
	void should_complete_empty_when_the_customer_has_no_account() {
		CustomerId nobody = CustomerId.random();

		ledger().append(entry(nobody, 10, "P", "1")).as(StepVerifier::create).verifyComplete();
		ledger().lockAccount(nobody).as(StepVerifier::create).verifyComplete();
		ledger().balanceOf(nobody).as(StepVerifier::create).verifyComplete();
		ledger().hasEntryFrom("P", "1").as(StepVerifier::create).expectNext(false).verifyComplete();
	}

	@Test
	void should_emit_the_balance_when_the_account_is_locked() {
		CustomerId customer = anAccount();
		ledger().append(entry(customer, 7, "P", "1")).then().as(StepVerifier::create).verifyComplete();

		ledger().lockAccount(customer).as(StepVerifier::create).expectNext(Points.of(7)).verifyComplete();
	}

	@Test
	void should_write_nothing_until_subscribed_when_an_entry_is_appended() {
		CustomerId customer = anAccount();

		ledger().append(entry(customer, 10, "P", "1"));

		ledger().balanceOf(customer).as(StepVerifier::create).expectNext(Points.ZERO).verifyComplete();
	}

	@Test
	void should_page_the_entries_newest_first_when_listing_them() {
		CustomerId customer = anAccount();
		for (int day = 1; day <= 5; day++) {
			ledger()
				.append(new LedgerEntry(UUID.randomUUID(), customer, Points.of(day), EntryKind.EARN, "day " + day, "P",
						"day-" + day, AT.plusSeconds(86_400L * day), null))
				.then()
				.as(StepVerifier::create)
				.verifyComplete();
		}

		ledger().entriesOf(customer, 1, 2)
			.map(LedgerEntry::reason)
			.as(StepVerifier::create)
			.expectNext("day 3", "day 2")
			.verifyComplete();
	}

	@Test
	void should_keep_what_an_entry_says_when_it_is_read_back() {
		CustomerId customer = anAccount();
		LedgerEntry written = new LedgerEntry(UUID.randomUUID(), customer, Points.of(5), EntryKind.ADJUST, "goodwill",
				"ADJUSTMENT", "ticket-1", AT, "admin");
		ledger().append(written).then().as(StepVerifier::create).verifyComplete();

		ledger().entriesOf(customer, 0, 10).as(StepVerifier::create).expectNext(written).verifyComplete();
	}

	@Test
	void should_find_no_mismatch_and_count_every_balance_when_balances_follow_their_entries() {
		CustomerId customer = anAccount();
		anAccount();
		ledger().append(entry(customer, 10, "P", "1")).then().as(StepVerifier::create).verifyComplete();
		ledger().append(entry(customer, -3, "R", "1")).then().as(StepVerifier::create).verifyComplete();

		ledger().mismatches().as(StepVerifier::create).verifyComplete();
		ledger().countBalances().as(StepVerifier::create).expectNext(2L).verifyComplete();
	}

	private static LedgerEntry entry(CustomerId customer, long delta, String sourceType, String sourceId) {
		return LedgerEntry.of(customer, Points.of(delta), delta > 0 ? EntryKind.EARN : EntryKind.REDEEM,
				"contract " + sourceType + "/" + sourceId, sourceType, sourceId, AT);
	}

}
