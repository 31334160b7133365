package dev.punchcard.core.segment.domain;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RfmClassTest {

	/**
	 * Rows R=5 down to R=1, columns F=1 to F=5: the map in RfmClass's Javadoc and the
	 * README.
	 */
	private static final String MAP = """
			NEW POTENTIAL_LOYALIST POTENTIAL_LOYALIST CHAMPIONS CHAMPIONS
			PROMISING POTENTIAL_LOYALIST POTENTIAL_LOYALIST LOYAL LOYAL
			ABOUT_TO_SLEEP ABOUT_TO_SLEEP NEED_ATTENTION LOYAL LOYAL
			HIBERNATING HIBERNATING AT_RISK AT_RISK CANNOT_LOSE
			HIBERNATING HIBERNATING AT_RISK AT_RISK CANNOT_LOSE
			""";

	@Test
	void should_name_every_recency_and_frequency_pair_as_the_usual_map_does() {
		String[] rows = MAP.strip().split("\n");
		IntStream.rangeClosed(1, 5).forEach((r) -> {
			String[] cells = rows[5 - r].split(" ");
			IntStream.rangeClosed(1, 5)
				.forEach((f) -> assertThat(RfmClass.of(r, f)).as("R=%d F=%d", r, f).hasToString(cells[f - 1]));
		});
	}

	@Test
	void should_refuse_a_quintile_outside_one_to_five() {
		assertThatIllegalArgumentException().isThrownBy(() -> RfmClass.of(0, 3));
		assertThatIllegalArgumentException().isThrownBy(() -> RfmClass.of(3, 6));
	}

	@Test
	void should_rate_churn_risk_by_silence_in_usual_gaps_with_a_gap_of_at_least_a_day() {
		assertThat(ChurnRisk.of(15, 10)).isEqualTo(ChurnRisk.LOW);
		assertThat(ChurnRisk.of(15.5, 10)).isEqualTo(ChurnRisk.MEDIUM);
		assertThat(ChurnRisk.of(30, 10)).isEqualTo(ChurnRisk.MEDIUM);
		assertThat(ChurnRisk.of(31, 10)).isEqualTo(ChurnRisk.HIGH);
		assertThat(ChurnRisk.of(4, 0)).as("same-day purchases: a gap of one day").isEqualTo(ChurnRisk.HIGH);
	}

}
