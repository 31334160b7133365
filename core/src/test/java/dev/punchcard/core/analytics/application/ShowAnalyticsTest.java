package dev.punchcard.core.analytics.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.punchcard.core.analytics.application.AnalyticsOutcome.Answered;
import dev.punchcard.core.analytics.application.AnalyticsOutcome.Forbidden;
import dev.punchcard.core.analytics.application.AnalyticsOutcome.Invalid;
import dev.punchcard.core.analytics.application.Reports.PointsMovements;
import dev.punchcard.core.analytics.application.Reports.PointsPeriod;
import dev.punchcard.core.analytics.application.Reports.PointsReport;
import dev.punchcard.core.analytics.application.Reports.RewardsReport;
import dev.punchcard.core.analytics.domain.Grain;
import dev.punchcard.core.staff.domain.Role;
import dev.punchcard.core.store.application.InMemoryStores;
import dev.punchcard.core.store.domain.Store;
import dev.punchcard.core.store.domain.StoreFixture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class ShowAnalyticsTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final LocalDate FROM = LocalDate.parse("2026-11-01");

	private final InMemoryStores stores = new InMemoryStores();

	private final Store north = this.stores.save(StoreFixture.aStore().withCode("NORTH").build());

	private final Store south = this.stores.save(StoreFixture.aStore().withCode("SOUTH").build());

	private final RecordingReadings readings = new RecordingReadings();

	private final ShowAnalytics analytics = new ShowAnalytics(this.stores, this.readings, new BigDecimal("0.5"),
			BERLIN);

	private static AnalyticsRequest request(LocalDate to, @Nullable String store, Role role, @Nullable String home) {
		return new AnalyticsRequest(FROM, to, BERLIN, store, Grain.WEEK, role, home);
	}

	@Test
	void should_refuse_the_range_when_to_is_before_from() {
		StepVerifier.create(this.analytics.sales(request(FROM.minusDays(1), null, Role.ADMIN, null)))
			.assertNext((outcome) -> assertThat(outcome).isInstanceOfSatisfying(Invalid.class,
					(invalid) -> assertThat(invalid.parameter()).isEqualTo("to")))
			.verifyComplete();
		assertThat(this.readings.asked()).isEmpty();
	}

	@Test
	void should_refuse_the_range_when_it_is_longer_than_366_days() {
		StepVerifier.create(this.analytics.products(request(FROM.plusDays(366), null, Role.MARKETER, null)))
			.assertNext((outcome) -> assertThat(outcome).isInstanceOfSatisfying(Invalid.class,
					(invalid) -> assertThat(invalid.reason()).contains("366 days")))
			.verifyComplete();
		StepVerifier.create(this.analytics.products(request(FROM.plusDays(365), null, Role.MARKETER, null)))
			.assertNext((outcome) -> assertThat(outcome).isInstanceOf(Answered.class))
			.verifyComplete();
	}

	@Test
	void should_answer_for_all_stores_when_an_admin_or_marketer_names_none() {
		StepVerifier.create(this.analytics.members(request(FROM.plusDays(6), null, Role.MARKETER, null)))
			.assertNext((outcome) -> assertThat(outcome).isInstanceOf(Answered.class))
			.verifyComplete();
		assertThat(this.readings.asked()).singleElement().satisfies((query) -> {
			assertThat(query.store()).isNull();
			assertThat(query.zone()).isEqualTo(BERLIN);
			assertThat(query.grain()).isEqualTo(Grain.WEEK);
		});
	}

	@Test
	void should_answer_for_the_store_an_admin_names() {
		StepVerifier.create(this.analytics.tiers(request(FROM, "SOUTH", Role.ADMIN, null)))
			.assertNext((outcome) -> assertThat(outcome).isInstanceOf(Answered.class))
			.verifyComplete();
		assertThat(this.readings.asked()).singleElement()
			.satisfies((query) -> assertThat(query.store()).isEqualTo(this.south.id()));
	}

	@Test
	void should_refuse_a_store_that_does_not_exist() {
		StepVerifier.create(this.analytics.referrals(request(FROM, "WEST", Role.ADMIN, null)))
			.assertNext((outcome) -> assertThat(outcome).isInstanceOfSatisfying(Invalid.class,
					(invalid) -> assertThat(invalid.parameter()).isEqualTo("store")))
			.verifyComplete();
	}

	@Test
	void should_scope_a_cashier_to_their_own_store_when_they_name_none() {
		StepVerifier.create(this.analytics.broadcasts(request(FROM, null, Role.CASHIER, "NORTH")))
			.assertNext((outcome) -> assertThat(outcome).isInstanceOf(Answered.class))
			.verifyComplete();
		assertThat(this.readings.asked()).singleElement()
			.satisfies((query) -> assertThat(query.store()).isEqualTo(this.north.id()));
	}

	@Test
	void should_forbid_a_cashier_another_store() {
		StepVerifier.create(this.analytics.sales(request(FROM, "SOUTH", Role.CASHIER, "NORTH")))
			.assertNext((outcome) -> assertThat(outcome).isInstanceOf(Forbidden.class))
			.verifyComplete();
		StepVerifier.create(this.analytics.sales(request(FROM, "NORTH", Role.CASHIER, "NORTH")))
			.assertNext((outcome) -> assertThat(outcome).isInstanceOf(Answered.class))
			.verifyComplete();
		assertThat(this.readings.asked()).singleElement()
			.satisfies((query) -> assertThat(query.store()).isEqualTo(this.north.id()));
	}

	@Test
	void should_forbid_a_cashier_without_a_home_store() {
		StepVerifier.create(this.analytics.sales(request(FROM, null, Role.CASHIER, null)))
			.assertNext((outcome) -> assertThat(outcome).isInstanceOf(Forbidden.class))
			.verifyComplete();
	}

	@Test
	void should_sum_the_points_periods_and_value_the_outstanding_points_when_asked_for_points() {
		this.readings.withPoints(new PointsPeriod(FROM, new PointsMovements(100, 40, 5, 2, -3)))
			.withPoints(new PointsPeriod(FROM.plusDays(7), new PointsMovements(50, 10, 0, 0, 7)))
			.withOutstanding(1001);

		StepVerifier.create(this.analytics.points(request(FROM.plusDays(13), null, Role.ADMIN, null)))
			.assertNext((outcome) -> assertThat(outcome).isInstanceOfSatisfying(Answered.class, (answered) -> {
				PointsReport report = (PointsReport) answered.report();
				assertThat(report.movements()).isEqualTo(new PointsMovements(150, 50, 5, 2, 4));
				assertThat(report.periods()).hasSize(2);
				assertThat(report.outstanding()).isEqualTo(1001);
				assertThat(report.liabilityMinor()).as("1001 points at 0.5 minor units, half up").isEqualTo(501);
			}))
			.verifyComplete();
	}

	@Test
	void should_give_the_rewards_report_the_points_issued_in_the_range() {
		this.readings.withPoints(new PointsPeriod(FROM, RecordingReadings.issued(1000)));

		StepVerifier.create(this.analytics.rewards(request(FROM.plusDays(6), null, Role.ADMIN, null)))
			.assertNext((outcome) -> assertThat(outcome).isInstanceOfSatisfying(Answered.class, (answered) -> {
				RewardsReport report = (RewardsReport) answered.report();
				assertThat(report.pointsIssued()).isEqualTo(1000);
				assertThat(report.redemptionRatePercent()).isEqualByComparingTo("25.0");
			}))
			.verifyComplete();
	}

	@Test
	void should_give_no_rate_when_nothing_was_issued() {
		assertThat(ShowAnalytics.percent(5, 0)).isNull();
		assertThat(ShowAnalytics.percent(1, 3)).isEqualByComparingTo("33.3");
	}

}
