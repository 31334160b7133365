package dev.punchcard.app.health;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How soon the Redis client tries again after Redis went away
 * ({@code punchcard.redis-reconnect}).
 *
 * @param firstDelay the first wait before re-connecting
 * @param maxDelay the longest wait between attempts (Lettuce's default grows to 30 s, so
 * an outage of 15 s could be noticed as over only 15 s later)
 */
@Validated
@ConfigurationProperties("punchcard.redis-reconnect")
public record RedisReconnectProperties(@NotNull Duration firstDelay, @NotNull Duration maxDelay) {

}
