package dev.punchcard.webhooks.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Checks {@code X-Hub-Signature-256: sha256=<hex>}, Meta's HMAC-SHA256 of the raw request
 * body keyed with the app secret. Computed over the bytes exactly as received (Meta signs
 * its own escaped form of non-ASCII text, so re-serialised JSON would not match) and
 * compared in constant time.
 */
final class WebhookSignature {

	private static final String PREFIX = "sha256=";

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	WebhookSignature(String appSecret) {
		this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	/** Whether the header is present and is the body's signature. */
	boolean matches(byte[] body, @Nullable String header) {
		if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return false;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip());
		}
		catch (IllegalArgumentException notHex) {
			return false;
		}
		return MessageDigest.isEqual(sign(body), given);
	}

	/** The signature of the body, as Meta computes it. */
	byte[] sign(byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is unavailable", ex);
		}
	}

	/** The header value Meta would send for the body; for tests and tools. */
	String header(byte[] body) {
		return PREFIX + HexFormat.of().formatHex(sign(body));
	}

}
