package dev.punchcard.app.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The staff member behind an {@code Authorization} header, for a path served outside
 * Spring Security's filter chain: the same bearer token syntax, the same decoder (so the
 * same signature, issuer and expiry checks, and the same cache of tokens verified
 * before), and the same roles as the chain's {@code hasAnyRole}.
 */
@Component
public class BearerStaff {

	/** RFC 6750's token syntax, as Spring Security's bearer token converter reads it. */
	private static final Pattern BEARER = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
			Pattern.CASE_INSENSITIVE);

	private final ReactiveJwtDecoder decoder;

	BearerStaff(ReactiveJwtDecoder decoder) {
		this.decoder = decoder;
	}

	/**
	 * The staff member, or empty when the header holds no valid token of ours (missing,
	 * another scheme, malformed, forged, expired).
	 */
	public Mono<CurrentStaff> authenticate(@Nullable String authorization) {
		if (authorization == null) {
			return Mono.empty();
		}
		Matcher bearer = BEARER.matcher(authorization);
		if (!bearer.matches()) {
			return Mono.empty();
		}
		return this.decoder.decode(bearer.group("token"))
			.mapNotNull(BearerStaff::staffOf)
			.onErrorResume(JwtException.class, (invalid) -> Mono.empty());
	}

	/** Null for a token of ours whose claims do not name a staff member and role. */
	private static @Nullable CurrentStaff staffOf(Jwt jwt) {
		try {
			return CurrentStaff.of(jwt);
		}
		catch (RuntimeException unreadable) {
			return null;
		}
	}

}
