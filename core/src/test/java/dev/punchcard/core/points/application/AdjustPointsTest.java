package dev.punchcard.core.points.application;

import dev.punchcard.core.customer.application.InMemoryCustomers;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.points.application.AdjustmentOutcome.Adjusted;
import dev.punchcard.core.points.application.AdjustmentOutcome.AlreadyAdjusted;
import dev.punchcard.core.points.application.AdjustmentOutcome.UnknownCustomer;
import dev.punchcard.core.points.application.AdjustmentOutcome.WouldGoNegative;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static dev.punchcard.core.points.application.AdjustmentFixture.anAdjustmentOf;
import static org.assertj.core.api.Assertions.assertThat;

class AdjustPointsTest {

	private final InMemoryPointsLedger ledger = new InMemoryPointsLedger();

	private final InMemoryCustomers customers = new InMemoryCustomers(this.ledger);

	private final AdjustPoints adjustPoints = new AdjustPoints(this.ledger, TestClock.fixed());

	private final Customer customer = this.customers.save(CustomerFixture.aCustomer().build());

	@AfterEach
	void the_ledger_adds_up_to_every_balance() {
		this.ledger.mismatches().as(StepVerifier::create).verifyComplete();
	}

	@Test
	void should_credit_the_points_when_an_administrator_adds_them() {
		// given
		this.ledger.give(this.customer.id(), 5);

		// when
		Mono<AdjustmentOutcome> outcome = this.adjustPoints.adjust(anAdjustmentOf(this.customer).points(50).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new Adjusted(Points.of(50), Points.of(55))).verifyComplete();
		assertThat(this.ledger.balance(this.customer.id())).isEqualTo(55);
	}

	@Test
	void should_debit_the_points_when_an_administrator_removes_them() {
		// given
		this.ledger.give(this.customer.id(), 30);

		// when
		Mono<AdjustmentOutcome> outcome = this.adjustPoints.adjust(anAdjustmentOf(this.customer).points(-30).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new Adjusted(Points.of(-30), Points.ZERO)).verifyComplete();
		assertThat(this.ledger.balance(this.customer.id())).isZero();
	}

	@Test
	void should_record_who_adjusted_why_and_when_when_points_are_adjusted() {
		// when
		this.adjustPoints
			.adjust(anAdjustmentOf(this.customer).points(7).because("lost receipt").key("ticket-9").by("root").build())
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();

		// then
		assertThat(this.ledger.entriesOf(this.customer.id())).singleElement().satisfies((entry) -> {
			assertThat(entry.delta()).isEqualTo(Points.of(7));
			assertThat(entry.kind()).isEqualTo(EntryKind.ADJUST);
			assertThat(entry.reason()).isEqualTo("lost receipt");
			assertThat(entry.sourceType()).isEqualTo(AdjustPoints.SOURCE_TYPE);
			assertThat(entry.sourceId()).isEqualTo("ticket-9");
			assertThat(entry.createdBy()).isEqualTo("root");
			assertThat(entry.occurredAt()).isEqualTo(TestClock.NOW);
		});
	}

	@Test
	void should_refuse_and_move_nothing_when_a_debit_would_take_the_balance_below_zero() {
		// given
		this.ledger.give(this.customer.id(), 50);

		// when
		Mono<AdjustmentOutcome> outcome = this.adjustPoints.adjust(anAdjustmentOf(this.customer).points(-51).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new WouldGoNegative(Points.of(50))).verifyComplete();
		assertThat(this.ledger.balance(this.customer.id())).isEqualTo(50);
		assertThat(this.ledger.entriesOf(this.customer.id(), EntryKind.ADJUST)).isEmpty();
	}

	@Test
	void should_leave_the_key_unused_when_its_debit_was_refused() {
		// given
		this.ledger.give(this.customer.id(), 10);
		this.adjustPoints.adjust(anAdjustmentOf(this.customer).points(-11).key("ticket-2").build())
			.as(StepVerifier::create)
			.expectNext(new WouldGoNegative(Points.of(10)))
			.verifyComplete();

		// when
		Mono<AdjustmentOutcome> corrected = this.adjustPoints
			.adjust(anAdjustmentOf(this.customer).points(-10).key("ticket-2").build());

		// then
		corrected.as(StepVerifier::create).expectNext(new Adjusted(Points.of(-10), Points.ZERO)).verifyComplete();
	}

	@Test
	void should_adjust_once_when_the_same_adjustment_is_sent_again() {
		// given
		AdjustPointsCommand command = anAdjustmentOf(this.customer).points(50).key("ticket-1").build();
		this.adjustPoints.adjust(command).as(StepVerifier::create).expectNextCount(1).verifyComplete();

		// when
		Mono<AdjustmentOutcome> replay = this.adjustPoints.adjust(command);

		// then
		replay.as(StepVerifier::create).expectNext(new AlreadyAdjusted("ticket-1")).verifyComplete();
		assertThat(this.ledger.balance(this.customer.id())).isEqualTo(50);
		assertThat(this.ledger.entriesOf(this.customer.id())).hasSize(1);
	}

	@Test
	void should_detect_the_replay_and_move_nothing_when_a_used_key_comes_back_with_other_points() {
		// given
		this.adjustPoints.adjust(anAdjustmentOf(this.customer).points(50).key("ticket-1").build())
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();

		// when
		Mono<AdjustmentOutcome> conflicting = this.adjustPoints
			.adjust(anAdjustmentOf(this.customer).points(500).key("ticket-1").build());

		// then
		conflicting.as(StepVerifier::create).expectNext(new AlreadyAdjusted("ticket-1")).verifyComplete();
		assertThat(this.ledger.balance(this.customer.id())).isEqualTo(50);
	}

	@Test
	void should_treat_the_key_as_used_when_another_customer_was_adjusted_with_it() {
		// given: adjustment keys are unique across all customers (source_type, source_id)
		Customer other = this.customers.save(CustomerFixture.aCustomer().named("Grace Hopper").build());
		this.adjustPoints.adjust(anAdjustmentOf(other).points(20).key("ticket-1").build())
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();

		// when
		Mono<AdjustmentOutcome> outcome = this.adjustPoints
			.adjust(anAdjustmentOf(this.customer).points(20).key("ticket-1").build());

		// then
		outcome.as(StepVerifier::create).expectNext(new AlreadyAdjusted("ticket-1")).verifyComplete();
		assertThat(this.ledger.balance(this.customer.id())).isZero();
	}

	@Test
	void should_answer_unknown_customer_when_nobody_has_the_id() {
		// when
		Mono<AdjustmentOutcome> outcome = this.adjustPoints
			.adjust(anAdjustmentOf(CustomerId.random()).points(5).build());

		// then
		outcome.as(StepVerifier::create).expectNext(new UnknownCustomer()).verifyComplete();
		this.ledger.countBalances().as(StepVerifier::create).expectNext(1L).verifyComplete();
	}

	@Test
	void should_take_the_account_lock_before_reading_the_key_when_adjusting() {
		// when
		this.adjustPoints.adjust(anAdjustmentOf(this.customer).build())
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();

		// then
		assertThat(this.ledger.locksTaken(this.customer.id())).isEqualTo(1);
		assertThat(this.ledger.entriesOf(this.customer.id())).extracting(LedgerEntry::kind)
			.containsExactly(EntryKind.ADJUST);
	}

}
