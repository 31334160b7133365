package dev.punchcard.app.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.punchcard.core.staff.domain.StaffMember;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;

/** Issues short-lived HS256 access tokens for staff and decodes them. */
@Component
public class StaffTokens {

	static final String ROLES = "roles";

	static final String STORE = "store";

	/** Tokens remembered as verified: about one per signed-in staff member and device. */
	private static final long MAXIMUM_CACHED_TOKENS = 10_000;

	private final JwtEncoder encoder;

	private final SecretKeySpec key;

	private final JwtProperties properties;

	private final Clock clock;

	StaffTokens(JwtProperties properties, Clock clock) {
		this.key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(this.key));
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A signed token for the staff member.
	 * @param member the authenticated member
	 * @param storeCode their home store code, for cashiers
	 * @return the token
	 */
	public IssuedToken issue(StaffMember member, @Nullable String storeCode) {
		Instant now = this.clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer())
			.subject(member.username())
			.issuedAt(now)
			.expiresAt(now.plus(this.properties.ttl()))
			.claim("sid", member.id().toString())
			.claim(ROLES, List.of(member.role().name()));
		if (storeCode != null) {
			claims.claim(STORE, storeCode);
		}
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
			.getTokenValue();
		return new IssuedToken(token, this.properties.ttl().toSeconds());
	}

	/** Verifies tokens this service issued, each token once while it is valid. */
	ReactiveJwtDecoder decoder() {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(this.key)
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(this.properties.issuer()));
		// our issuer is a name, not a URL: the default conversion tried (and failed) to
		// make it one,
		// throwing and catching an exception on every request
		decoder.setClaimSetConverter(MappedJwtClaimSetConverter
			.withDefaults(Map.of(JwtClaimNames.ISS, (issuer) -> (issuer != null) ? issuer.toString() : null)));
		return new VerifiedTokenCache(decoder, this.clock, this.properties.ttl(), MAXIMUM_CACHED_TOKENS);
	}

	/**
	 * An access token and its lifetime.
	 *
	 * @param accessToken the JWT
	 * @param expiresIn seconds until it expires
	 */
	public record IssuedToken(String accessToken, long expiresIn) {

		@Override
		public String toString() {
			return "IssuedToken[expiresIn=" + this.expiresIn + "]";
		}

	}

}
