package dev.punchcard.core.purchase.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.punchcard.core.customer.application.InMemoryCustomers.TierChange;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.purchase.domain.Purchase;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Money;
import dev.punchcard.core.shared.domain.PurchaseId;
import dev.punchcard.core.store.domain.Store;
import dev.punchcard.core.store.domain.StoreFixture;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static dev.punchcard.core.points.domain.ProgramFixture.BRONZE;
import static dev.punchcard.core.points.domain.ProgramFixture.GOLD;
import static dev.punchcard.core.points.domain.ProgramFixture.SILVER;
import static dev.punchcard.core.points.domain.ProgramFixture.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

class TierReviewTest {

	private static final Instant NOW = TestClock.NOW;

	private final PurchaseDesk desk = new PurchaseDesk();

	private final TierReview tierReview = this.desk.tierReview;

	private final Store store = this.desk.stores.save(StoreFixture.aStore().build());

	@AfterEach
	void the_ledger_adds_up_to_every_balance() {
		this.desk.assertLedgerAddsUp();
	}

	@Test
	void should_keep_the_tier_and_record_nothing_when_the_spend_stays_within_it() {
		// given
		Customer customer = this.desk.customers.save(CustomerFixture.aCustomer().withTier(SILVER).build());

		// when
		Mono<String> tier = this.tierReview.reviewAt(customer.id(), SILVER, 1_999_99, "PURCHASE", "p-1", NOW);

		// then
		tier.as(StepVerifier::create).expectNext(SILVER).verifyComplete();
		assertThat(this.desk.customers.tierChangesOf(customer.id())).isEmpty();
	}

	@Test
	void should_move_up_and_record_the_change_with_its_cause_when_the_spend_reaches_a_threshold() {
		// given
		Customer customer = this.desk.customers.save(CustomerFixture.aCustomer().build());

		// when
		Mono<String> tier = this.tierReview.reviewAt(customer.id(), BRONZE, 500_00, "PURCHASE", "p-1", NOW);

		// then
		tier.as(StepVerifier::create).expectNext(SILVER).verifyComplete();
		assertThat(this.desk.customers.get(customer.id()).tier()).isEqualTo(SILVER);
		assertThat(this.desk.customers.tierChangesOf(customer.id()))
			.containsExactly(new TierChange(customer.id(), BRONZE, SILVER, 500_00, "PURCHASE", "p-1", NOW));
	}

	@Test
	void should_skip_the_tiers_in_between_when_the_spend_jumps_past_them() {
		// given
		Customer customer = this.desk.customers.save(CustomerFixture.aCustomer().build());

		// when
		Mono<String> tier = this.tierReview.reviewAt(customer.id(), BRONZE, 2_500_00, "PURCHASE", "p-1", NOW);

		// then
		tier.as(StepVerifier::create).expectNext(GOLD).verifyComplete();
		assertThat(this.desk.customers.tierChangesOf(customer.id())).singleElement()
			.satisfies((change) -> assertThat(change.toTier()).isEqualTo(GOLD));
	}

	@Test
	void should_move_down_when_the_spend_falls_below_the_tier_threshold() {
		// given
		Customer customer = this.desk.customers.save(CustomerFixture.aCustomer().withTier(GOLD).build());

		// when
		Mono<String> tier = this.tierReview.reviewAt(customer.id(), GOLD, 499_99, "REFUND", "p-1/F-1", NOW);

		// then
		tier.as(StepVerifier::create).expectNext(BRONZE).verifyComplete();
		assertThat(this.desk.customers.get(customer.id()).tier()).isEqualTo(BRONZE);
		assertThat(this.desk.customers.tierChangesOf(customer.id()))
			.containsExactly(new TierChange(customer.id(), GOLD, BRONZE, 499_99, "REFUND", "p-1/F-1", NOW));
	}

	@Test
	void should_review_from_the_stored_tier_and_the_net_spend_of_the_window_when_asked_to_review() {
		// given: 450 EUR a window ago no longer counts; 300 + 250 - 50 refunded does
		Customer customer = this.desk.customers.save(CustomerFixture.aCustomer().build());
		purchase(customer.id(), 450_00, NOW.minus(WINDOW));
		purchase(customer.id(), 300_00, NOW.minus(WINDOW).plusSeconds(1));
		PurchaseId refunded = purchase(customer.id(), 250_00, NOW.minus(Duration.ofDays(1)));
		this.desk.purchases.addRefunded(refunded, 50_00, 0).as(StepVerifier::create).expectNext(true).verifyComplete();

		// when
		Mono<String> tier = this.tierReview.review(customer.id(), "REFUND", "r-1", NOW);

		// then
		tier.as(StepVerifier::create).expectNext(SILVER).verifyComplete();
		assertThat(this.desk.customers.tierChangesOf(customer.id())).singleElement()
			.satisfies((change) -> assertThat(change.netSpendMinor()).isEqualTo(500_00));
	}

	@Test
	void should_not_count_another_customer_s_spend_when_reviewing() {
		// given
		Customer customer = this.desk.customers.save(CustomerFixture.aCustomer().build());
		Customer other = this.desk.customers.save(CustomerFixture.aCustomer().build());
		purchase(other.id(), 5_000_00, NOW.minusSeconds(60));

		// when
		Mono<String> tier = this.tierReview.review(customer.id(), "REFUND", "r-1", NOW);

		// then
		tier.as(StepVerifier::create).expectNext(BRONZE).verifyComplete();
	}

	@Test
	void should_place_the_member_in_a_configured_tier_when_their_tier_is_no_longer_configured() {
		// given
		Customer customer = this.desk.customers.save(CustomerFixture.aCustomer().withTier("PLATINUM").build());

		// when
		Mono<String> tier = this.tierReview.reviewAt(customer.id(), "PLATINUM", 600_00, "PURCHASE", "p-1", NOW);

		// then
		tier.as(StepVerifier::create).expectNext(SILVER).verifyComplete();
		assertThat(this.desk.customers.get(customer.id()).tier()).isEqualTo(SILVER);
	}

	@Test
	void should_complete_empty_when_the_customer_is_unknown() {
		// when
		Mono<String> tier = this.tierReview.review(CustomerId.random(), "REFUND", "r-1", NOW);

		// then
		tier.as(StepVerifier::create).verifyComplete();
	}

	private PurchaseId purchase(CustomerId customerId, long euroCents, Instant at) {
		Purchase purchase = new Purchase(PurchaseId.random(), customerId, this.store.id(), "R-" + at.toEpochMilli(),
				Money.of(euroCents, "EUR"), 0, BRONZE, 0, 0, 0, BRONZE, null, at, List.of());
		return this.desk.purchases.save(purchase).id();
	}

}
