package dev.punchcard.core.customer.application;

import java.security.SecureRandom;

/**
 * Random referral codes: 10 characters of {@code [a-z0-9]}, safe inside a Telegram deep
 * link.
 */
public final class ReferralCodes {

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ReferralCodes() {
	}

	/** A new random code. */
	public static String next() {
		StringBuilder code = new StringBuilder(10);
		for (int i = 0; i < 10; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

}
