package dev.punchcard.core.points.domain;

import dev.punchcard.core.shared.domain.Money;
import dev.punchcard.core.shared.domain.Points;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EarningRuleTest {

	private static final Tier BRONZE = new Tier("BRONZE", 0, 100);

	private static final Tier GOLD = new Tier("GOLD", 200_000, 150);

	@Test
	void should_earn_one_point_per_whole_unit_rounded_down_when_multiplier_is_one() {
		EarningRule rule = new EarningRule(1);

		assertThat(rule.pointsFor(Money.of(1234, "EUR"), BRONZE)).isEqualTo(Points.of(12));
		assertThat(rule.pointsFor(Money.of(99, "EUR"), BRONZE)).isEqualTo(Points.ZERO);
	}

	@Test
	void should_apply_the_tier_multiplier_before_rounding_when_tier_is_higher() {
		EarningRule rule = new EarningRule(1);

		assertThat(rule.pointsFor(Money.of(1099, "EUR"), GOLD)).isEqualTo(Points.of(16));
	}

	@Test
	void should_respect_currencies_without_minor_units_when_amount_is_in_yen() {
		assertThat(new EarningRule(1).pointsFor(Money.of(500, "JPY"), BRONZE)).isEqualTo(Points.of(500));
	}

	@Test
	void should_not_overflow_when_the_amount_is_huge() {
		assertThat(new EarningRule(1000).pointsFor(Money.of(1_000_000_000_000L, "EUR"), new Tier("X", 0, 1000)))
			.isEqualTo(Points.of(100_000_000_000_000L));
	}

}
