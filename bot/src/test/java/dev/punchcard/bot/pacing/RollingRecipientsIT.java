package dev.punchcard.bot.pacing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rolling count of distinct recipients on real Redis, as two instances share it.
 */
class RollingRecipientsIT {

	private static TwoInstances instances;

	private static RollingRecipients first;

	private static RollingRecipients second;

	@BeforeAll
	static void connect() {
		instances = new TwoInstances();
		first = new RollingRecipients(instances.first());
		second = new RollingRecipients(instances.second());
	}

	@AfterAll
	static void disconnect() {
		instances.close();
	}

	@Test
	void should_admit_up_to_the_cap_of_distinct_recipients_across_instances_and_refuse_a_new_one() {
		String key = "test:reached:" + UUID.randomUUID();
		Duration window = Duration.ofHours(24);

		List<Duration> answers = Flux.range(0, 10)
			.flatMap((i) -> ((i % 2 == 0) ? first : second).admit(key, "user-" + i, 6, window))
			.collectList()
			.block(Duration.ofSeconds(5));

		assertThat(answers).filteredOn(Duration::isZero).hasSize(6);
		assertThat(answers).filteredOn((wait) -> !wait.isZero())
			.hasSize(4)
			.allSatisfy((wait) -> assertThat(wait).isBetween(Duration.ofHours(23), window));
	}

	@Test
	void should_admit_a_recipient_counted_already_when_the_cap_is_reached() {
		String key = "test:again:" + UUID.randomUUID();
		Duration window = Duration.ofHours(24);
		assertThat(first.admit(key, "alice", 2, window).block()).isZero();
		assertThat(first.admit(key, "bob", 2, window).block()).isZero();

		assertThat(second.admit(key, "carol", 2, window).block()).isPositive();
		assertThat(second.admit(key, "alice", 2, window).block()).isZero();
	}

	@Test
	void should_make_room_when_the_oldest_recipient_leaves_the_window() throws InterruptedException {
		String key = "test:rolling:" + UUID.randomUUID();
		Duration window = Duration.ofMillis(600);
		assertThat(first.admit(key, "alice", 1, window).block()).isZero();
		Duration wait = second.admit(key, "bob", 1, window).block();
		assertThat(wait).isPositive().isLessThanOrEqualTo(window);

		Thread.sleep(wait.toMillis() + 50);

		assertThat(second.admit(key, "bob", 1, window).block()).isZero();
		assertThat(first.admit(key, "alice", 1, window).block()).isPositive();
	}

}
