package dev.punchcard.app.health;

import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.Delay;
import org.springframework.boot.autoconfigure.data.redis.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds the Redis client's re-connect back-off, so that chat flows and shared login
 * counts come back within about {@code max-delay} of Redis, without a restart.
 */
@Configuration(proxyBeanMethods = false)
class RedisReconnectConfiguration {

	@Bean
	ClientResourcesBuilderCustomizer redisReconnectDelay(RedisReconnectProperties properties) {
		return (builder) -> builder.reconnectDelay(
				Delay.exponential(properties.firstDelay(), properties.maxDelay(), 2, TimeUnit.MILLISECONDS));
	}

}
