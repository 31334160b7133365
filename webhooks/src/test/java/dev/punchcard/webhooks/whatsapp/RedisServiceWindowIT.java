package dev.punchcard.webhooks.whatsapp;

import java.time.Duration;
import java.time.Instant;

import dev.punchcard.core.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer service windows on real Redis: opened by the user's last message, kept by
 * the latest one whatever order they are handled in, closed 24 hours on (less the
 * margin), and closed at once when WhatsApp says so.
 */
class RedisServiceWindowIT {

	private static LettuceConnectionFactory connections;

	private static ReactiveStringRedisTemplate redis;

	private final MovingClock clock = new MovingClock(Instant.parse("2026-12-01T12:00:00Z"));

	private RedisServiceWindow window;

	@BeforeAll
	static void connect() {
		java.net.URI url = java.net.URI.create(TestRedis.urlFor(5));
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(url.getHost(), url.getPort());
		server.setDatabase(5);
		connections = new LettuceConnectionFactory(server);
		connections.afterPropertiesSet();
		redis = new ReactiveStringRedisTemplate(connections);
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@BeforeEach
	void emptyDatabase() {
		redis.execute((connection) -> connection.serverCommands().flushDb()).blockLast();
		this.window = new RedisServiceWindow(redis, "106540352242922", Duration.ofMinutes(5), this.clock);
	}

	@Test
	void should_keep_the_window_open_for_24_hours_less_the_margin_from_the_last_message() {
		assertThat(this.window.isOpen("16505551234").block()).as("never wrote").isFalse();

		this.window.userWrote("16505551234", this.clock.instant().minus(Duration.ofHours(2))).block();
		this.clock.advance(Duration.ofHours(21).plusMinutes(54));
		assertThat(this.window.isOpen("16505551234").block()).isTrue();
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.window.isOpen("16505551234").block()).as("less than the margin left").isFalse();
		assertThat(this.window.isOpen("16505559999").block()).isFalse();
	}

	@Test
	void should_keep_the_latest_message_when_an_older_one_is_handled_after_it() {
		this.window.userWrote("16505551234", this.clock.instant().minus(Duration.ofHours(1))).block();
		this.window.userWrote("16505551234", this.clock.instant().minus(Duration.ofHours(23))).block();

		this.clock.advance(Duration.ofHours(12));
		assertThat(this.window.isOpen("16505551234").block()).isTrue();
	}

	@Test
	void should_record_nothing_for_a_message_older_than_the_window_and_expire_the_record_with_the_window() {
		this.window.userWrote("16505551234", this.clock.instant().minus(Duration.ofHours(25))).block();
		assertThat(redis.hasKey("whatsapp:window:106540352242922:16505551234").block()).isFalse();

		this.window.userWrote("16505551234", this.clock.instant().minus(Duration.ofHours(1))).block();
		Duration ttl = redis.getExpire("whatsapp:window:106540352242922:16505551234").block();
		assertThat(ttl).isBetween(Duration.ofHours(22).plusMinutes(59), Duration.ofHours(23));
	}

	@Test
	void should_count_a_message_from_the_future_as_now_and_close_when_whatsapp_says_so() {
		this.window.userWrote("16505551234", this.clock.instant().plus(Duration.ofDays(3))).block();
		this.clock.advance(Duration.ofHours(23).plusMinutes(56));
		assertThat(this.window.isOpen("16505551234").block()).isFalse();

		this.window.userWrote("16505551234", this.clock.instant()).block();
		this.window.closed("16505551234").block();
		assertThat(this.window.isOpen("16505551234").block()).isFalse();
	}

	/** A clock the test moves on. */
	static final class MovingClock extends java.time.Clock {

		private Instant now;

		MovingClock(Instant now) {
			this.now = now;
		}

		void advance(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return java.time.ZoneOffset.UTC;
		}

		@Override
		public java.time.Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
