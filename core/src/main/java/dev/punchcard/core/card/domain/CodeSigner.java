package dev.punchcard.core.card.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies signed codes: one key-id character, a 40-bit serial and a 64-bit
 * HMAC-SHA256 tag, written in Crockford base32 as 22 characters
 * ({@code A1B2C3D4E5F6G7H8J9K0MN}). Verification accepts lower case, dashes and spaces,
 * and compares the tag in constant time. Old keys stay in the key ring to verify codes
 * already printed while new codes are signed with the active key.
 */
public final class CodeSigner {

	public static final long MAX_SERIAL = (1L << 40) - 1;

	static final int SERIAL_CHARS = 8;

	static final int TAG_CHARS = 13;

	static final int LENGTH = 1 + SERIAL_CHARS + TAG_CHARS;

	private static final int MIN_KEY_BYTES = 32;

	/**
	 * One keyed MAC per key id, never used itself, only copied: looking the algorithm up
	 * and keying a new MAC cost more than the HMAC of a code, and a copy keeps the key.
	 */
	private final Map<Character, Mac> keys;

	private final char activeKeyId;

	private final SecureRandom random = new SecureRandom();

	public CodeSigner(Map<Character, byte[]> keys, char activeKeyId) {
		this.keys = keys.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap((key) -> Base32.requireDigit(key.getKey()),
					(key) -> newMac(new SecretKeySpec(strong(key.getValue()), "HmacSHA256"))));
		this.activeKeyId = Base32.requireDigit(activeKeyId);
		if (!this.keys.containsKey(this.activeKeyId)) {
			throw new IllegalArgumentException("the active signing key " + activeKeyId + " is not in the key ring");
		}
	}

	/** A fresh random serial in {@code [1, MAX_SERIAL]}. */
	public long newSerial() {
		return 1 + (this.random.nextLong() & MAX_SERIAL) % MAX_SERIAL;
	}

	/**
	 * The canonical code (upper case, no separators) for the serial, signed with the
	 * active key.
	 */
	public String sign(CodePurpose purpose, long serial) {
		if (serial < 1 || serial > MAX_SERIAL) {
			throw new IllegalArgumentException("serial out of range");
		}
		String body = this.activeKeyId + Base32.encode(serial, SERIAL_CHARS);
		return body + Base32.encode(tag(this.keys.get(this.activeKeyId), purpose, body), TAG_CHARS);
	}

	/**
	 * The serial a code carries, or empty when the code is malformed, unknown-keyed or
	 * its tag does not match.
	 */
	public OptionalLong verify(CodePurpose purpose, String text) {
		Optional<String> normalized = Base32.normalize(text, LENGTH);
		if (normalized.isEmpty()) {
			return OptionalLong.empty();
		}
		String code = normalized.get();
		Mac key = this.keys.get(code.charAt(0));
		if (key == null) {
			return OptionalLong.empty();
		}
		String body = code.substring(0, 1 + SERIAL_CHARS);
		byte[] expected = Base32.encode(tag(key, purpose, body), TAG_CHARS).getBytes(StandardCharsets.US_ASCII);
		byte[] given = code.substring(1 + SERIAL_CHARS).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, given)) {
			return OptionalLong.empty();
		}
		long serial = Base32.decode(code.substring(1, 1 + SERIAL_CHARS));
		return serial >= 1 ? OptionalLong.of(serial) : OptionalLong.empty();
	}

	/** The code in groups of four for printing: {@code A1B2-C3D4-E5F6-G7H8-J9K0-MN}. */
	public static String grouped(String code) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < code.length(); i += 4) {
			out.append(i == 0 ? "" : "-").append(code, i, Math.min(code.length(), i + 4));
		}
		return out.toString();
	}

	private static long tag(Mac keyed, CodePurpose purpose, String body) {
		Mac mac = copyOf(keyed);
		byte[] digest = mac.doFinal(("punchcard/" + purpose.name() + "/" + body).getBytes(StandardCharsets.UTF_8));
		// the first 64 bits of the HMAC, written unsigned in 13 base32 characters
		return ByteBuffer.wrap(Arrays.copyOf(digest, 8)).getLong();
	}

	private static Mac copyOf(Mac keyed) {
		try {
			return (Mac) keyed.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("the HmacSHA256 provider cannot copy a keyed MAC", ex);
		}
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static byte[] strong(byte[] secret) {
		if (secret.length < MIN_KEY_BYTES) {
			throw new IllegalArgumentException("a code-signing key needs at least " + MIN_KEY_BYTES + " bytes");
		}
		return secret.clone();
	}

}
