package dev.punchcard.core.points.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import dev.punchcard.core.shared.domain.Points;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ExpiryPolicyTest {

	private static final Instant EARNED = Instant.parse("2026-12-02T15:30:00Z");

	@Test
	void should_let_points_last_through_the_same_day_a_period_later_when_a_period_is_set() {
		ExpiryPolicy twelveMonths = new ExpiryPolicy(Period.ofMonths(12));

		assertThat(twelveMonths.expiresAt(Points.of(10), EARNED)).isEqualTo(Instant.parse("2027-12-03T00:00:00Z"));
	}

	@Test
	void should_stamp_nothing_when_points_never_expire() {
		assertThat(ExpiryPolicy.never().expiresAt(Points.of(10), EARNED)).isNull();
	}

	@Test
	void should_stamp_nothing_when_the_entry_takes_points() {
		assertThat(new ExpiryPolicy(Period.ofMonths(12)).expiresAt(Points.of(-10), EARNED)).isNull();
	}

	@Test
	void should_refuse_a_period_that_is_not_positive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ExpiryPolicy(Period.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new ExpiryPolicy(Period.ofDays(-1)));
	}

	@Test
	void should_name_the_last_day_points_can_be_spent_when_they_expire_at_midnight() {
		DueExpiry due = new DueExpiry(Instant.parse("2027-12-03T00:00:00Z"), 5);

		assertThat(due.lastDay()).isEqualTo(LocalDate.parse("2027-12-02"));
	}

}
