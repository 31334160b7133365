package dev.punchcard.core.card.infrastructure;

import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Keys that sign member-card and voucher codes ({@code punchcard.codes}). Each key is at
 * least 32 bytes of secret text; to rotate, add a new key, make it active, and keep the
 * old one while printed codes are still in use.
 *
 * @param activeKey id (one base32 character) of the key that signs new codes
 * @param keys key id to secret
 */
@Validated
@ConfigurationProperties("punchcard.codes")
public record CodeSigningProperties(@Pattern(regexp = "[0-9A-HJKMNP-TV-Z]") String activeKey,
		@NotEmpty Map<String, String> keys) {

}
