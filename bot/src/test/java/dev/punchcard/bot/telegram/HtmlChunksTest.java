package dev.punchcard.bot.telegram;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlChunksTest {

	@Test
	void should_keep_a_text_whole_when_it_fits() {
		assertThat(HtmlChunks.split("<b>Hi</b> there", 4096)).containsExactly("<b>Hi</b> there");
	}

	@Test
	void should_cut_at_the_last_line_break_that_fits() {
		List<String> pieces = HtmlChunks.split("line one\nline two\nline three", 20);

		assertThat(pieces).containsExactly("line one\nline two", "line three");
	}

	@Test
	void should_close_and_reopen_tags_when_a_cut_falls_inside_them() {
		List<String> pieces = HtmlChunks.split("<b>first line\nsecond line</b>", 20);

		assertThat(pieces).containsExactly("<b>first line</b>", "<b>second line</b>");
	}

	@Test
	void should_never_cut_inside_a_tag_or_an_entity() {
		String html = "a &amp; b <code>x</code> ".repeat(400);

		List<String> pieces = HtmlChunks.split(html, 101);

		assertThat(pieces).allSatisfy((piece) -> {
			assertThat(piece.length()).isLessThanOrEqualTo(101);
			assertThat(piece).doesNotMatch("(?s).*&[a-z]*$").doesNotMatch("(?s).*<[^>]*$");
			assertThat(balanced(piece)).as(piece).isTrue();
		});
		assertThat(String.join(" ", pieces).replaceAll("\\s+", " ").strip()).isEqualTo(html.strip());
	}

	@Test
	void should_cut_a_long_line_at_a_space_and_a_long_word_anywhere() {
		String html = "word ".repeat(10) + "x".repeat(30);

		List<String> pieces = HtmlChunks.split(html, 20);

		assertThat(pieces).allSatisfy((piece) -> assertThat(piece.length()).isLessThanOrEqualTo(20));
		assertThat(pieces.get(0)).isEqualTo("word word word word");
		assertThat(String.join("", pieces).replace(" ", "")).isEqualTo(html.replace(" ", ""));
	}

	@Test
	void should_respect_telegram_limits_when_a_long_reply_is_split() {
		String line = "<b>Purchase</b> 12.34 EUR &amp; <i>+12 points</i>\n";
		String html = line.repeat(300).strip();

		List<String> pieces = HtmlChunks.split(html, TelegramMessages.TEXT_LIMIT);

		assertThat(pieces).hasSize(4).allSatisfy((piece) -> {
			assertThat(piece.length()).isLessThanOrEqualTo(TelegramMessages.TEXT_LIMIT);
			assertThat(piece).startsWith("<b>Purchase</b>").endsWith("</i>");
		});
	}

	private static boolean balanced(String html) {
		Matcher tags = Pattern.compile("<(/?)([a-z]+)[^>]*>").matcher(html);
		java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
		while (tags.find()) {
			if (tags.group(1).isEmpty()) {
				open.push(tags.group(2));
			}
			else if (open.isEmpty() || !open.pop().equals(tags.group(2))) {
				return false;
			}
		}
		return open.isEmpty();
	}

}
