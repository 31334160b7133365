package dev.punchcard.webhooks.whatsapp;

import java.util.List;

import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.MarkedText.Span;
import dev.punchcard.bot.conversation.MarkedText.Style;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WhatsAppTextTest {

	private static final String ZWSP = "\u200B";

	@Test
	void should_render_bold_italic_and_code_with_whatsapp_markers_when_spans_are_styled() {
		MarkedText text = MarkedText.plain("Balance: ")
			.append(MarkedText.bold("120"))
			.append(span(", ", Style.PLAIN))
			.append(span("thanks", Style.ITALIC))
			.append(span(", code ", Style.PLAIN))
			.append(span("A1B2", Style.CODE));

		assertThat(WhatsAppText.render(text)).isEqualTo("Balance: *120*, _thanks_, code `A1B2`");
	}

	@Test
	void should_show_a_command_as_its_bold_word_when_the_text_mentions_a_command() {
		MarkedText text = MarkedText.plain("Type ")
			.append(new MarkedText(List.of(Span.command("rewards", "prizes"))))
			.append(" to see them");

		assertThat(WhatsAppText.render(text)).isEqualTo("Type *prizes* to see them");
	}

	@Test
	void should_follow_every_marker_with_a_zero_width_space_when_user_text_contains_markers() {
		MarkedText text = MarkedText.plain("Hi *Bob* _x_ ~y~ `z` ").append(MarkedText.bold("*Eve*"));

		assertThat(WhatsAppText.render(text)).isEqualTo("Hi *" + ZWSP + "Bob*" + ZWSP + " _" + ZWSP + "x_" + ZWSP + " ~"
				+ ZWSP + "y~" + ZWSP + " `" + ZWSP + "z`" + ZWSP + " **" + ZWSP + "Eve*" + ZWSP + "*");
	}

	@Test
	void should_put_markers_around_the_trimmed_text_when_a_styled_span_has_outer_spaces() {
		MarkedText text = MarkedText.plain("a").append(span("  bold ", Style.BOLD)).append(span(" it", Style.ITALIC));

		assertThat(WhatsAppText.render(text)).isEqualTo("a  *bold*  _it_");
	}

	@Test
	void should_leave_a_styled_span_unmarked_when_it_is_only_whitespace() {
		MarkedText text = MarkedText.plain("a").append(span("  ", Style.BOLD)).append("b");

		assertThat(WhatsAppText.render(text)).isEqualTo("a  b");
	}

	@Test
	void should_break_at_the_last_newline_when_a_text_is_over_the_limit() {
		assertThat(WhatsAppText.split("one two\nthree four\nfive", 20)).containsExactly("one two\nthree four", "five");
	}

	@Test
	void should_break_at_the_last_space_when_no_newline_fits() {
		assertThat(WhatsAppText.split("one two three four", 10)).containsExactly("one two", "three four");
	}

	@Test
	void should_break_anywhere_when_a_word_is_longer_than_the_limit() {
		assertThat(WhatsAppText.split("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
	}

	@Test
	void should_keep_a_surrogate_pair_whole_when_a_hard_break_falls_inside_it() {
		String smile = "\uD83D\uDE00";

		List<String> pieces = WhatsAppText.split("abc" + smile + "def", 4);

		assertThat(pieces).containsExactly("abc", smile + "de", "f");
		assertThat(String.join("", pieces)).isEqualTo("abc" + smile + "def");
	}

	@Test
	void should_keep_a_text_whole_when_it_fits() {
		assertThat(WhatsAppText.split("short", 5)).containsExactly("short");
	}

	@Test
	void should_keep_the_last_piece_within_the_limit_when_cutting_from_the_end() {
		WhatsAppText.Cut cut = WhatsAppText.cutLast("first line\nsecond line\nthird", 18);

		assertThat(cut.head()).isEqualTo("first line");
		assertThat(cut.tail()).isEqualTo("second line\nthird");
	}

	private static MarkedText span(String text, Style style) {
		return new MarkedText(List.of(new Span(text, style)));
	}

}
