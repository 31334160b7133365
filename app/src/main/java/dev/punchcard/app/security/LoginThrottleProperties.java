package dev.punchcard.app.security;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Login throttling ({@code punchcard.login-throttle}): at most so many attempts per
 * username and per client address in a window.
 *
 * @param perUsername attempts per username per window
 * @param perAddress attempts per client address per window
 * @param window the fixed window
 * @param sharedTimeout how long a login waits for the shared counts in Redis before it is
 * counted in this instance's memory instead
 * @param sharedRetryAfter after Redis failed, how long attempts are counted locally
 * before Redis is tried again
 */
@Validated
@ConfigurationProperties("punchcard.login-throttle")
public record LoginThrottleProperties(@Min(1) int perUsername, @Min(1) int perAddress, @NotNull Duration window,
		@NotNull Duration sharedTimeout, @NotNull Duration sharedRetryAfter) {

}
