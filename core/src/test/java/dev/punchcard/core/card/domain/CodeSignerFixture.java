package dev.punchcard.core.card.domain;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The one code signer of the use-case tests, and codes signed with it. */
public final class CodeSignerFixture {

	private static final CodeSigner SIGNER = new CodeSigner(
			Map.of('A', "use-case-tests-secret-key-A-0123456789abcdef".getBytes(StandardCharsets.UTF_8)), 'A');

	private CodeSignerFixture() {
	}

	public static CodeSigner signer() {
		return SIGNER;
	}

	/** The printed code of a member card. */
	public static String cardCode(long cardNumber) {
		return SIGNER.sign(CodePurpose.CARD, cardNumber);
	}

	/** The code a voucher with this serial is shown with. */
	public static String voucherCode(long serial) {
		return SIGNER.sign(CodePurpose.VOUCHER, serial);
	}

	/**
	 * The code with one character of its tag changed: well-formed, but its signature
	 * fails.
	 */
	public static String tampered(String code) {
		char last = code.charAt(code.length() - 1);
		return code.substring(0, code.length() - 1) + (last == '7' ? '8' : '7');
	}

}
