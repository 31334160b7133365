package dev.punchcard.core.staff.application;

import java.util.Optional;

/**
 * Minimum strength of staff passwords: at least 12 characters, at most 72 bytes (BCrypt's
 * limit).
 */
public final class PasswordPolicy {

	private PasswordPolicy() {
	}

	/** Why the password is rejected, or empty when it is acceptable. */
	public static Optional<String> weakness(String password) {
		if (password.length() < 12) {
			return Optional.of("a password needs at least 12 characters");
		}
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
			return Optional.of("a password may have at most 72 bytes");
		}
		if (password.chars().distinct().count() < 5) {
			return Optional.of("a password needs at least 5 different characters");
		}
		return Optional.empty();
	}

}
