package dev.punchcard.webhooks.whatsapp;

import java.time.Duration;
import java.time.Instant;

import dev.punchcard.bot.pacing.RollingRecipients;
import dev.punchcard.core.support.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio's messaging level on real Redis: configured until WhatsApp names one, the
 * newest change kept whatever order changes are handled in, seen by another instance
 * within its cache's freshness, and applied by the messaging limit.
 */
class PortfolioLevelIT {

	private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

	private static LettuceConnectionFactory connections;

	private static ReactiveStringRedisTemplate redis;

	private static RedisClient client;

	private static StatefulRedisConnection<String, byte[]> lettuce;

	@BeforeAll
	static void connect() {
		java.net.URI url = java.net.URI.create(TestRedis.urlFor(6));
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(url.getHost(), url.getPort());
		server.setDatabase(6);
		connections = new LettuceConnectionFactory(server);
		connections.afterPropertiesSet();
		redis = new ReactiveStringRedisTemplate(connections);
		client = RedisClient.create(TestRedis.urlFor(6));
		lettuce = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
	}

	@AfterAll
	static void disconnect() {
		lettuce.close();
		client.shutdown();
		connections.destroy();
	}

	@BeforeEach
	void emptyDatabase() {
		redis.execute((connection) -> connection.serverCommands().flushDb()).blockLast();
	}

	@Test
	void should_keep_the_newest_change_whatever_order_the_webhooks_are_handled_in() {
		PortfolioLevel level = level(WhatsAppProperties.MessagingLevel.TIER_2K);
		assertThat(level.current().block()).as("nothing named yet")
			.isEqualTo(WhatsAppProperties.MessagingLevel.TIER_2K);

		assertThat(level.learn(WhatsAppProperties.MessagingLevel.TIER_100K, MONDAY.plusSeconds(60)).block()).isTrue();
		assertThat(level.learn(WhatsAppProperties.MessagingLevel.TIER_10K, MONDAY).block()).as("older, late").isFalse();
		assertThat(level.learn(WhatsAppProperties.MessagingLevel.TIER_100K, MONDAY.plusSeconds(60)).block())
			.as("redelivered")
			.isFalse();

		assertThat(level.current().block()).isEqualTo(WhatsAppProperties.MessagingLevel.TIER_100K);
		assertThat(level(WhatsAppProperties.MessagingLevel.TIER_250).current().block())
			.as("a new instance reads what another learnt")
			.isEqualTo(WhatsAppProperties.MessagingLevel.TIER_100K);
	}

	@Test
	void should_limit_templates_to_the_learnt_level_counting_the_users_reached_before_the_change() {
		PortfolioLevel level = level(WhatsAppProperties.MessagingLevel.TIER_100K);
		RedisMessagingLimit limit = limit(level);
		for (int user = 0; user < 60; user++) {
			assertThat(limit.admit("4915100000" + user).block()).isEqualTo(Duration.ZERO);
		}

		level.learn(WhatsAppProperties.MessagingLevel.TIER_50, MONDAY).block();

		assertThat(limit.admit("491519999999").block()).as("60 reached already, over the 50 now allowed").isPositive();
		assertThat(limit.admit("49151000001").block()).as("one reached already still may").isEqualTo(Duration.ZERO);
	}

	@Test
	void should_start_counting_when_a_configured_unlimited_level_is_lowered() {
		PortfolioLevel level = level(WhatsAppProperties.MessagingLevel.UNLIMITED);
		RedisMessagingLimit limit = limit(level);
		assertThat(limit.admit("491510000000").block()).isEqualTo(Duration.ZERO);

		level.learn(WhatsAppProperties.MessagingLevel.TIER_50, MONDAY).block();

		for (int user = 1; user <= 50; user++) {
			assertThat(limit.admit("4915100000" + user).block()).isEqualTo(Duration.ZERO);
		}
		assertThat(limit.admit("491519999999").block()).as("the 51st since the change").isPositive();
	}

	private static RedisMessagingLimit limit(PortfolioLevel level) {
		return new RedisMessagingLimit(new RollingRecipients(lettuce), new InMemoryServiceWindow(), "102290129340398",
				level);
	}

	private static PortfolioLevel level(WhatsAppProperties.MessagingLevel configured) {
		return new PortfolioLevel(redis, "102290129340398", configured);
	}

}
