package dev.punchcard.core.card.domain;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CodeSignerTest {

	private static final byte[] KEY_A = "a-very-long-test-secret-for-key-A-0123456789".getBytes(StandardCharsets.UTF_8);

	private static final byte[] KEY_B = "another-long-test-secret-for-key-B-987654321".getBytes(StandardCharsets.UTF_8);

	private final CodeSigner signer = new CodeSigner(Map.of('A', KEY_A), 'A');

	@Test
	void should_read_back_the_serial_when_the_code_is_untouched() {
		String code = this.signer.sign(CodePurpose.CARD, 123_456_789L);

		assertThat(code).hasSize(22).matches("[0-9A-HJKMNP-TV-Z]+");
		assertThat(this.signer.verify(CodePurpose.CARD, code)).hasValue(123_456_789L);
	}

	@Test
	void should_accept_the_code_when_typed_in_lower_case_with_dashes_and_spaces() {
		String code = this.signer.sign(CodePurpose.CARD, 42L);

		String typed = " " + CodeSigner.grouped(code).toLowerCase().replace("-", " - ") + " ";

		assertThat(this.signer.verify(CodePurpose.CARD, typed)).hasValue(42L);
	}

	@Test
	void should_reject_the_code_when_any_single_character_is_changed() {
		String code = this.signer.sign(CodePurpose.CARD, 987_654L);
		for (int i = 0; i < code.length(); i++) {
			char replacement = code.charAt(i) == '7' ? '8' : '7';
			String tampered = code.substring(0, i) + replacement + code.substring(i + 1);

			assertThat(this.signer.verify(CodePurpose.CARD, tampered)).as("changed at %d", i).isEmpty();
		}
	}

	@Test
	void should_reject_the_code_when_it_is_truncated_or_extended() {
		String code = this.signer.sign(CodePurpose.CARD, 5L);

		assertThat(this.signer.verify(CodePurpose.CARD, code.substring(0, 21))).isEmpty();
		assertThat(this.signer.verify(CodePurpose.CARD, code + "0")).isEmpty();
		assertThat(this.signer.verify(CodePurpose.CARD, "")).isEmpty();
		assertThat(this.signer.verify(CodePurpose.CARD, "x".repeat(10_000))).isEmpty();
	}

	@Test
	void should_reject_a_voucher_code_when_it_is_shown_as_a_member_card() {
		String voucher = this.signer.sign(CodePurpose.VOUCHER, 77L);

		assertThat(this.signer.verify(CodePurpose.CARD, voucher)).isEmpty();
	}

	@Test
	void should_reject_the_code_when_it_was_signed_with_another_secret() {
		CodeSigner forger = new CodeSigner(Map.of('A', KEY_B), 'A');

		assertThat(this.signer.verify(CodePurpose.CARD, forger.sign(CodePurpose.CARD, 1L))).isEmpty();
	}

	@Test
	void should_verify_old_and_new_codes_when_the_key_is_rotated() {
		String old = this.signer.sign(CodePurpose.CARD, 10L);
		CodeSigner rotated = new CodeSigner(Map.of('A', KEY_A, 'B', KEY_B), 'B');

		String fresh = rotated.sign(CodePurpose.CARD, 11L);

		assertThat(fresh).startsWith("B");
		assertThat(rotated.verify(CodePurpose.CARD, old)).hasValue(10L);
		assertThat(rotated.verify(CodePurpose.CARD, fresh)).hasValue(11L);
		assertThat(this.signer.verify(CodePurpose.CARD, fresh)).as("retired ring does not know B").isEmpty();
	}

	@Test
	void should_refuse_a_key_when_it_is_shorter_than_32_bytes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CodeSigner(Map.of('A', "short".getBytes(StandardCharsets.UTF_8)), 'A'));
	}

	@Test
	void should_draw_serials_in_range_when_many_are_drawn() {
		for (int i = 0; i < 10_000; i++) {
			assertThat(this.signer.newSerial()).isBetween(1L, CodeSigner.MAX_SERIAL);
		}
	}

}
