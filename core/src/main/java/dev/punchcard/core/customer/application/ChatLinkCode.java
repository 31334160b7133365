package dev.punchcard.core.customer.application;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;

/**
 * A one-time code that joins a member's chat account on another channel to them: 8
 * characters of Crockford's base32 (40 random bits), short enough to type.
 *
 * @param code the code, upper case, without separators
 * @param customerId the member who asked for it
 * @param channel the channel it was asked for on; it works only on another one
 * @param expiresAt when it stops working
 */
public record ChatLinkCode(String code, CustomerId customerId, ChatChannel channel, Instant expiresAt) {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final int LENGTH = 8;

	private static final Pattern WELL_FORMED = Pattern.compile("[0-9A-HJKMNP-TV-Z]{" + LENGTH + "}");

	private static final SecureRandom RANDOM = new SecureRandom();

	static String randomCode() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * The code as typed, read the Crockford way: case, spaces and hyphens do not matter,
	 * {@code O} is {@code 0}, {@code I} and {@code L} are {@code 1}; empty when it cannot
	 * be a code.
	 */
	public static Optional<String> normalised(String typed) {
		if (typed.length() > 32) {
			return Optional.empty();
		}
		String code = typed.toUpperCase(Locale.ROOT)
			.replaceAll("[\\s-]", "")
			.replace('O', '0')
			.replace('I', '1')
			.replace('L', '1');
		return WELL_FORMED.matcher(code).matches() ? Optional.of(code) : Optional.empty();
	}

	/** The code as shown to people: {@code ABCD-EFGH}. */
	public String grouped() {
		return this.code.substring(0, LENGTH / 2) + "-" + this.code.substring(LENGTH / 2);
	}

	@Override
	public String toString() {
		// the code is a secret while it is valid
		return "ChatLinkCode[" + this.channel + ", expiresAt=" + this.expiresAt + "]";
	}

}
