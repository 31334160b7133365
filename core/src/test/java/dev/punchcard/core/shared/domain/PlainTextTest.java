package dev.punchcard.core.shared.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PlainTextTest {

	@ParameterizedTest
	@ValueSource(strings = { "a\u0000b", "\u0001", "tab\there", "line\nbreak", "cr\r", "del\u007f", "c1\u0085",
			"c1\u009f", "sep\u2028", "para\u2029", "lone\ud800", "lone\udc00x", "\ud83d" })
	void should_refuse_single_line_text_when_it_holds_a_control_character_or_broken_surrogate(String text) {
		assertThat(PlainText.isSingleLine(text)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> PlainText.requireSingleLine(text, "name"))
			.withMessage("name must not contain control characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Coffee", "Café ☕", "🎁 gift 🎁", "Ёлка", "a\u00a0b", "x\u200by", "日本語" })
	void should_accept_text_when_it_holds_letters_symbols_and_emoji(String text) {
		assertThat(PlainText.isSingleLine(text)).isTrue();
		assertThat(PlainText.isMultiLine(text)).isTrue();
	}

	@Test
	void should_allow_tab_and_line_breaks_when_text_is_multi_line() {
		assertThat(PlainText.isMultiLine("one\r\ntwo\n\tthree")).isTrue();
		assertThat(PlainText.isMultiLine("nul\u0000")).isFalse();
		assertThat(PlainText.isMultiLine("bell\u0007")).isFalse();
		assertThat(PlainText.isMultiLine("c1\u0085")).isFalse();
	}

	@Test
	void should_replace_refused_characters_by_one_space_when_sanitizing() {
		assertThat(PlainText.sanitizedSingleLine("  Ann\u0000\u0000a \n\t Bell\u0007e\ud800 "))
			.isEqualTo("Ann a Bell e");
		assertThat(PlainText.sanitizedSingleLine("\u0000\u0001")).isEmpty();
		assertThat(PlainText.sanitizedSingleLine("🎁 Gift")).isEqualTo("🎁 Gift");
	}

}
