package dev.punchcard.core.broadcast.infrastructure;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BroadcastPropertiesTest {

	@Test
	void should_run_the_catch_up_every_30_seconds_in_batches_of_1000_when_nothing_is_set() {
		BroadcastProperties properties = bind();

		assertThat(properties.earlyStatusTtl()).isEqualTo(Duration.ofHours(1));
		assertThat(properties.earlyStatusCatchUp())
			.isEqualTo(new BroadcastProperties.EarlyStatusCatchUp(true, Duration.ofSeconds(30), 1000));
	}

	@Test
	void should_bind_the_catch_up_schedule_when_it_is_set() {
		BroadcastProperties properties = bind("early-status-catch-up.scheduled=false", "early-status-catch-up.every=2m",
				"early-status-catch-up.batch=50");

		assertThat(properties.earlyStatusCatchUp())
			.isEqualTo(new BroadcastProperties.EarlyStatusCatchUp(false, Duration.ofMinutes(2), 50));
	}

	@Test
	void should_refuse_a_catch_up_that_runs_no_more_often_than_statuses_are_kept() {
		assertThatThrownBy(() -> bind("early-status-ttl=10m", "early-status-catch-up.every=10m"))
			.hasStackTraceContaining("early-status-catch-up.every must be shorter than early-status-ttl");
	}

	@Test
	void should_refuse_a_catch_up_interval_that_is_not_positive() {
		assertThatThrownBy(() -> bind("early-status-catch-up.every=0s"))
			.hasStackTraceContaining("early-status-catch-up.every must be positive");
	}

	private static BroadcastProperties bind(String... overrides) {
		Map<String, String> values = new HashMap<>();
		for (String override : overrides) {
			String[] pair = override.split("=", 2);
			values.put("punchcard.broadcasts." + pair[0], pair[1]);
		}
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("punchcard.broadcasts",
				BroadcastProperties.class);
	}

}
