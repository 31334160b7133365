package dev.punchcard.app.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * English and Russian name the same texts, and none is left empty; a text with plural
 * forms has, in each language, exactly the forms that language's rules use (English one
 * and other, Russian one, few, many and other).
 */
class ConsoleMessagesTest {

	private static final Set<String> FORMS = Set.of("one", "few", "many", "other");

	@Test
	void should_have_the_same_texts_in_english_and_russian() throws IOException {
		Properties english = load("/console/messages.properties");
		Properties russian = load("/console/messages_ru.properties");

		assertThat(singular(russian)).containsExactlyInAnyOrderElementsOf(singular(english));
		assertThat(plurals(russian).keySet()).containsExactlyInAnyOrderElementsOf(plurals(english).keySet());
		assertThat(english.stringPropertyNames()).hasSizeGreaterThan(100)
			.allSatisfy((key) -> assertThat(english.getProperty(key)).as(key).isNotBlank());
		assertThat(russian.stringPropertyNames())
			.allSatisfy((key) -> assertThat(russian.getProperty(key)).as(key).isNotBlank());
	}

	@Test
	void should_write_each_plural_text_in_the_forms_of_its_language() throws IOException {
		Map<String, Set<String>> english = plurals(load("/console/messages.properties"));
		Map<String, Set<String>> russian = plurals(load("/console/messages_ru.properties"));

		assertThat(english).isNotEmpty()
			.allSatisfy((key, forms) -> assertThat(forms).as(key).containsExactlyInAnyOrder("one", "other"));
		assertThat(russian).isNotEmpty()
			.allSatisfy(
					(key, forms) -> assertThat(forms).as(key).containsExactlyInAnyOrder("one", "few", "many", "other"));
		assertThat(english).containsKeys("count.points", "count.members", "count.purchases", "count.lines");
	}

	/**
	 * Texts with plural forms, by their key without the form: those with an {@code other}
	 * form.
	 */
	private static Map<String, Set<String>> plurals(Properties messages) {
		Map<String, Set<String>> plurals = new TreeMap<>();
		for (String key : messages.stringPropertyNames()) {
			String stem = stem(key);
			if (stem != null && messages.containsKey(stem + ".other")) {
				plurals.computeIfAbsent(stem, (any) -> new TreeSet<>()).add(key.substring(stem.length() + 1));
			}
		}
		return plurals;
	}

	private static Set<String> singular(Properties messages) {
		Set<String> plural = plurals(messages).keySet();
		Set<String> singular = new TreeSet<>(messages.stringPropertyNames());
		singular.removeIf((key) -> stem(key) != null && plural.contains(stem(key)));
		return singular;
	}

	private static String stem(String key) {
		int dot = key.lastIndexOf('.');
		return (dot > 0 && FORMS.contains(key.substring(dot + 1))) ? key.substring(0, dot) : null;
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ConsoleMessagesTest.class.getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
