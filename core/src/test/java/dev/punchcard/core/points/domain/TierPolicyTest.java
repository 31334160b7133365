package dev.punchcard.core.points.domain;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TierPolicyTest {

	private final TierPolicy policy = new TierPolicy(
			List.of(new Tier("GOLD", 200_000, 150), new Tier("BRONZE", 0, 100), new Tier("SILVER", 50_000, 125)),
			Duration.ofDays(365));

	@Test
	void should_pick_the_highest_reached_tier_when_spend_crosses_thresholds() {
		assertThat(this.policy.tierFor(0).name()).isEqualTo("BRONZE");
		assertThat(this.policy.tierFor(49_999).name()).isEqualTo("BRONZE");
		assertThat(this.policy.tierFor(50_000).name()).isEqualTo("SILVER");
		assertThat(this.policy.tierFor(1_000_000).name()).isEqualTo("GOLD");
		assertThat(this.policy.tierFor(-5).name()).isEqualTo("BRONZE");
	}

	@Test
	void should_name_the_next_tier_when_one_exists() {
		assertThat(this.policy.above(this.policy.named("BRONZE"))).map(Tier::name).hasValue("SILVER");
		assertThat(this.policy.above(this.policy.named("GOLD"))).isEmpty();
	}

	@Test
	void should_refuse_tiers_when_the_lowest_does_not_start_at_zero() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TierPolicy(List.of(new Tier("SILVER", 10, 100)), Duration.ofDays(1)));
	}

}
