package dev.punchcard.core.points.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReversalRuleTest {

	@Test
	void should_reverse_in_proportion_when_half_is_refunded() {
		assertThat(ReversalRule.pointsToReverse(100, 10_000, 0, 5_000, 0)).isEqualTo(50);
	}

	@Test
	void should_reverse_exactly_what_was_earned_when_partial_refunds_add_up_to_the_whole() {
		long earned = 37;
		long reversed = 0;
		long refunded = 0;
		for (long part : new long[] { 333, 333, 334 }) {
			reversed += ReversalRule.pointsToReverse(earned, 1_000, refunded, part, reversed);
			refunded += part;
		}
		assertThat(reversed).isEqualTo(earned);
	}

	@Test
	void should_refuse_when_the_refund_exceeds_what_is_left() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReversalRule.pointsToReverse(10, 1_000, 900, 101, 9));
	}

}
