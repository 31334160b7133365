package dev.punchcard.app.security;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Staff access tokens ({@code punchcard.jwt}).
 *
 * @param secret HMAC-SHA256 key, at least 32 characters, from
 * {@code PUNCHCARD_JWT_SECRET}
 * @param ttl how long a token is valid
 * @param issuer the {@code iss} claim
 */
@Validated
@ConfigurationProperties("punchcard.jwt")
public record JwtProperties(@NotNull @Size(min = 32) String secret, @NotNull Duration ttl, @NotNull String issuer) {

	@Override
	public String toString() {
		return "JwtProperties[ttl=" + this.ttl + ", issuer=" + this.issuer + "]";
	}

}
