package dev.punchcard.bot.pacing;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import reactor.core.scheduler.Schedulers;

/**
 * The shared rate limits, on their own Lettuce connection to the application's Redis (the
 * same server and database as Spring Data Redis), opened when a channel first sends.
 */
@Configuration(proxyBeanMethods = false)
class PacingConfiguration {

	@Bean(destroyMethod = "shutdown")
	@Lazy
	RedisClient pacingRedisClient(RedisConnectionDetails redis) {
		RedisConnectionDetails.Standalone standalone = redis.getStandalone();
		RedisURI.Builder uri = RedisURI.builder()
			.withHost(standalone.getHost())
			.withPort(standalone.getPort())
			.withDatabase(standalone.getDatabase())
			.withTimeout(Duration.ofSeconds(2));
		if (redis.getPassword() != null) {
			uri = (redis.getUsername() != null)
					? uri.withAuthentication(redis.getUsername(), redis.getPassword().toCharArray())
					: uri.withPassword(redis.getPassword().toCharArray());
		}
		return RedisClient.create(uri.build());
	}

	@Bean(destroyMethod = "close")
	@Lazy
	StatefulRedisConnection<String, byte[]> pacingRedisConnection(RedisClient pacingRedisClient) {
		return pacingRedisClient.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
	}

	@Bean
	@Lazy
	RollingRecipients rollingRecipients(StatefulRedisConnection<String, byte[]> pacingRedisConnection) {
		return new RollingRecipients(pacingRedisConnection);
	}

	@Bean
	@Lazy
	SharedRateLimits sharedRateLimits(StatefulRedisConnection<String, byte[]> pacingRedisConnection) {
		return new SharedRateLimits(pacingRedisConnection, Schedulers.parallel());
	}

}
