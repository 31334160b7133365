package dev.punchcard.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalLoginCountsTest {

	private static final Duration WINDOW = Duration.ofMinutes(5);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

	private final LocalLoginCounts counts = new LocalLoginCounts(this.clock);

	@Test
	void should_allow_attempts_up_to_the_limit_when_counting_locally() {
		// given / when
		Duration third = Duration.ZERO;
		for (int i = 0; i < 3; i++) {
			third = this.counts.count("login:user:ada", 3, WINDOW);
		}

		// then
		assertThat(third).isZero();
	}

	@Test
	void should_ask_to_wait_until_the_window_ends_when_over_the_limit() {
		// given
		for (int i = 0; i < 3; i++) {
			this.counts.count("login:user:ada", 3, WINDOW);
		}
		this.clock.advance(Duration.ofMinutes(1));

		// when
		Duration wait = this.counts.count("login:user:ada", 3, WINDOW);

		// then
		assertThat(wait).isEqualTo(Duration.ofMinutes(4));
	}

	@Test
	void should_start_a_new_window_when_the_old_one_ended() {
		// given
		for (int i = 0; i < 4; i++) {
			this.counts.count("login:user:ada", 3, WINDOW);
		}
		this.clock.advance(WINDOW);

		// when / then
		assertThat(this.counts.count("login:user:ada", 3, WINDOW)).isZero();
	}

	@Test
	void should_count_each_key_apart_when_counting_locally() {
		// given
		for (int i = 0; i < 4; i++) {
			this.counts.count("login:user:ada", 3, WINDOW);
		}

		// when / then
		assertThat(this.counts.count("login:user:bob", 3, WINDOW)).isZero();
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
