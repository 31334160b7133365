package dev.punchcard.bot.reply;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.MarkedText.Span;
import dev.punchcard.bot.conversation.MarkedText.Style;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

	private final Texts texts = new Texts();

	@Test
	void should_keep_user_text_as_typed_when_it_looks_like_mark_up() {
		MarkedText text = this.texts.text("en", "welcome.new", "*Eve* _&_ `<b>Co</b>`");

		assertThat(text.spans()).hasSize(3)
			.startsWith(new Span("Welcome to the club, ", Style.PLAIN), new Span("*Eve* _&_ `<b>Co</b>`", Style.BOLD));
	}

	@Test
	void should_read_bold_italic_and_code_when_a_bundle_text_has_them() {
		MarkedText caption = this.texts.text("en", "card.caption", "A0N5-H9KD");

		assertThat(caption.spans()).contains(new Span("A0N5-H9KD", Style.CODE));
		assertThat(caption.plainText()).startsWith("Your member card: A0N5-H9KD\nShow this QR code");
	}

	@Test
	void should_keep_the_styles_of_an_argument_when_it_is_a_marked_text() {
		MarkedText progress = this.texts.text("en", "profile.next-tier", "€10.00", "SILVER");

		MarkedText profile = this.texts.text("en", "profile.text", "Ann", "+49", "BRONZE", 5, "1 Dec 2026", progress,
				"https://t.me/bot?start=r-x");

		assertThat(profile.spans()).contains(new Span("SILVER", Style.BOLD));
		assertThat(profile.plainText()).contains("Member since: 1 Dec 2026\nSpend €10.00 more to reach SILVER.\n")
			.doesNotContain("\uE000");
	}

	@Test
	void should_answer_in_russian_and_fall_back_to_english_for_other_languages() {
		assertThat(this.texts.plain("ru", "cancelled")).startsWith("Готово");
		assertThat(this.texts.plain("ru-RU", "cancelled")).startsWith("Готово");
		assertThat(this.texts.plain("de", "cancelled")).startsWith("Done");
		assertThat(this.texts.plain(null, "cancelled")).startsWith("Done");
	}

	@Test
	void should_keep_apostrophes_when_a_text_has_them() {
		assertThat(this.texts.plain("en", "scan.ask-card")).contains("customer's member card");
	}

	@Test
	void should_have_every_english_text_in_russian_too() throws IOException {
		assertThat(keys("messages/bot_ru.properties").stringPropertyNames())
			.isEqualTo(keys("messages/bot.properties").stringPropertyNames());
	}

	@Test
	void should_leave_no_stray_marker_or_html_when_any_bundle_text_is_read() throws IOException {
		for (String language : List.of("en", "ru")) {
			Properties bundle = keys(language.equals("en") ? "messages/bot.properties" : "messages/bot_ru.properties");
			for (String key : bundle.stringPropertyNames()) {
				Object[] args = { "a", "b", "c", "d", "e", "f", "g" };
				String shown = this.texts.text(language, key, args).plainText();
				assertThat(shown).as("%s %s", language, key).doesNotContain("*", "_", "`", "<b>", "<i>", "<code>");
			}
		}
	}

	private static Properties keys(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = TextsTest.class.getClassLoader().getResourceAsStream(resource)) {
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return properties;
	}

}
