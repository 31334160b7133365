package dev.punchcard.core.card.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Crockford base32: digits and upper-case letters without I, L, O and U, easy to read
 * aloud and type.
 */
final class Base32 {

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private Base32() {
	}

	/**
	 * Writes the value, read as unsigned, in exactly {@code chars} characters (most
	 * significant first).
	 */
	static String encode(long value, int chars) {
		char[] out = new char[chars];
		long rest = value;
		for (int i = chars - 1; i >= 0; i--) {
			out[i] = ALPHABET.charAt((int) (rest & 31));
			rest >>>= 5;
		}
		return new String(out);
	}

	static long decode(String digits) {
		long value = 0;
		for (int i = 0; i < digits.length(); i++) {
			value = (value << 5) | ALPHABET.indexOf(digits.charAt(i));
		}
		return value;
	}

	/**
	 * Upper-cases, drops dashes and spaces, reads O as 0 and I/L as 1; empty unless the
	 * result is valid.
	 */
	static Optional<String> normalize(String text, int length) {
		if (text.length() > length * 2) {
			return Optional.empty();
		}
		StringBuilder out = new StringBuilder(length);
		for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
			char mapped = switch (c) {
				case '-', ' ' -> 0;
				case 'O' -> '0';
				case 'I', 'L' -> '1';
				default -> c;
			};
			if (mapped == 0) {
				continue;
			}
			if (ALPHABET.indexOf(mapped) < 0) {
				return Optional.empty();
			}
			out.append(mapped);
		}
		return out.length() == length ? Optional.of(out.toString()) : Optional.empty();
	}

	static char requireDigit(char keyId) {
		char upper = Character.toUpperCase(keyId);
		if (ALPHABET.indexOf(upper) < 0) {
			throw new IllegalArgumentException("a key id must be one base32 character (0-9, A-Z without I L O U)");
		}
		return upper;
	}

}
