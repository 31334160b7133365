package dev.punchcard.app.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** English and Russian name the same texts, and none is left empty. */
class ConsoleMessagesTest {

	@Test
	void should_have_the_same_keys_in_english_and_russian() throws IOException {
		Properties english = load("/console/messages.properties");
		Properties russian = load("/console/messages_ru.properties");

		assertThat(russian.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		assertThat(english.stringPropertyNames()).hasSizeGreaterThan(100)
			.allSatisfy((key) -> assertThat(russian.getProperty(key)).as(key).isNotBlank());
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ConsoleMessagesTest.class.getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
