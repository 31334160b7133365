package dev.punchcard.core.segment.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.punchcard.core.segment.application.RecomputeScores.Trigger;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecomputeScoresTest {

	private final List<String> calls = new ArrayList<>();

	private final CustomerScores scores = (now, periodStart, by) -> {
		this.calls.add(now + " " + periodStart + " " + by);
		return Mono.just(new ScoreRun.Recomputed(0, now));
	};

	@Test
	void should_claim_the_period_the_clock_is_in_when_run_by_the_schedule() {
		Instant at = Instant.parse("2026-12-01T17:45:00Z");

		new RecomputeScores(this.scores, Duration.ofDays(1), TestClock.at(at)).recompute(new Trigger.Scheduled())
			.block();
		new RecomputeScores(this.scores, Duration.ofHours(6), TestClock.at(at)).recompute(new Trigger.Scheduled())
			.block();

		assertThat(this.calls).containsExactly(at + " 2026-12-01T00:00:00Z null", at + " 2026-12-01T12:00:00Z null");
	}

	@Test
	void should_claim_no_period_and_name_who_asked_when_run_on_demand() {
		StaffId marketer = StaffId.random();

		new RecomputeScores(this.scores, Duration.ofDays(1), TestClock.fixed())
			.recompute(new Trigger.OnDemand(marketer))
			.block();

		assertThat(this.calls).containsExactly(TestClock.NOW + " null " + marketer);
	}

	@Test
	void should_refuse_a_period_that_is_not_positive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RecomputeScores(this.scores, Duration.ZERO, TestClock.fixed()));
	}

}
