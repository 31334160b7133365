package dev.punchcard.bot.conversation;

import java.util.List;
import java.util.function.UnaryOperator;

import dev.punchcard.bot.conversation.MarkedText.Span;
import dev.punchcard.bot.conversation.MarkedText.Style;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkedTextTest {

	@Test
	void should_read_each_style_when_the_mark_up_has_markers() {
		MarkedText text = MarkedText.parse("a *b* _c_ `d` e", UnaryOperator.identity());

		assertThat(text.spans()).containsExactly(new Span("a ", Style.PLAIN), new Span("b", Style.BOLD),
				new Span(" ", Style.PLAIN), new Span("c", Style.ITALIC), new Span(" ", Style.PLAIN),
				new Span("d", Style.CODE), new Span(" e", Style.PLAIN));
	}

	@Test
	void should_take_markers_literally_when_they_are_escaped_unclosed_or_empty() {
		assertThat(MarkedText.parse("2 \\* 3 = 6, a_b, ** and `", UnaryOperator.identity()).spans())
			.containsExactly(new Span("2 * 3 = 6, a_b, ** and `", Style.PLAIN));
		assertThat(MarkedText.parse("*a \\* b*", UnaryOperator.identity()).spans())
			.containsExactly(new Span("a * b", Style.BOLD));
	}

	@Test
	void should_fill_each_span_after_reading_the_mark_up() {
		MarkedText text = MarkedText.parse("Hi *{0}*!", (raw) -> raw.replace("{0}", "*Eve*"));

		assertThat(text.spans()).containsExactly(new Span("Hi ", Style.PLAIN), new Span("*Eve*", Style.BOLD),
				new Span("!", Style.PLAIN));
	}

	@Test
	void should_merge_neighbours_of_one_style_and_drop_empty_spans() {
		MarkedText text = MarkedText.plain("a").append("b").append(MarkedText.bold("")).append(MarkedText.bold("c"));

		assertThat(text.spans()).containsExactly(new Span("ab", Style.PLAIN), new Span("c", Style.BOLD));
		assertThat(MarkedText.join(", ", List.of(MarkedText.bold("x"), MarkedText.plain("y"))).plainText())
			.isEqualTo("x, y");
	}

	@Test
	void should_read_a_command_when_plain_text_mentions_one() {
		MarkedText text = MarkedText.parse("Send /help or /start now, not a/b or https://x/y", UnaryOperator.identity(),
				(command, name) -> command.equals("help") ? "помощь" : name);

		assertThat(text.spans()).containsExactly(new Span("Send ", Style.PLAIN), Span.command("help", "помощь"),
				new Span(" or ", Style.PLAIN), Span.command("start", "start"),
				new Span(" now, not a/b or https://x/y", Style.PLAIN));
		assertThat(text.plainText()).isEqualTo("Send /help or /start now, not a/b or https://x/y");
		assertThat(MarkedText.parse("*/help*", UnaryOperator.identity()).spans())
			.containsExactly(new Span("/help", Style.BOLD));
	}

	@Test
	void should_write_its_mark_up_back_with_markers_in_texts_escaped() {
		MarkedText text = MarkedText.plain("5 * 2 ").append(MarkedText.bold("a_b"));

		assertThat(text.markup()).isEqualTo("5 \\* 2 *a\\_b*");
		assertThat(MarkedText.parse(text.markup(), UnaryOperator.identity())).isEqualTo(text);
	}

}
