package dev.punchcard.bot.reply;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

	private final Texts texts = new Texts();

	@Test
	void should_escape_user_text_when_it_is_put_into_a_message() {
		assertThat(this.texts.html("en", "welcome.new", "<b>Eve</b> & \"Co\""))
			.startsWith("Welcome to the club, <b>&lt;b&gt;Eve&lt;/b&gt; &amp; &quot;Co&quot;</b>!");
	}

	@Test
	void should_answer_in_russian_and_fall_back_to_english_for_other_languages() {
		assertThat(this.texts.html("ru", "cancelled")).startsWith("Готово");
		assertThat(this.texts.html("ru-RU", "cancelled")).startsWith("Готово");
		assertThat(this.texts.html("de", "cancelled")).startsWith("Done");
		assertThat(this.texts.html(null, "cancelled")).startsWith("Done");
	}

	@Test
	void should_keep_apostrophes_when_a_text_has_them() {
		assertThat(this.texts.html("en", "scan.ask-card")).contains("customer's member card");
	}

	@Test
	void should_have_every_english_text_in_russian_too() throws IOException {
		assertThat(keys("messages/bot_ru.properties").stringPropertyNames())
			.isEqualTo(keys("messages/bot.properties").stringPropertyNames());
	}

	private static Properties keys(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = TextsTest.class.getClassLoader().getResourceAsStream(resource)) {
			properties.load(in);
		}
		return properties;
	}

}
