package dev.punchcard.app.console;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CLDR's plural rules for English and Russian whole numbers, and numbers with decimals.
 */
class PluralFormTest {

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	@ParameterizedTest(name = "ru {0} -> {1}")
	@CsvSource({ "0, MANY", "1, ONE", "2, FEW", "3, FEW", "4, FEW", "5, MANY", "9, MANY", "10, MANY", "11, MANY",
			"12, MANY", "13, MANY", "14, MANY", "15, MANY", "20, MANY", "21, ONE", "22, FEW", "24, FEW", "25, MANY",
			"100, MANY", "101, ONE", "102, FEW", "111, MANY", "112, MANY", "114, MANY", "121, ONE", "1001, ONE",
			"12345, MANY", "-1, ONE", "-2, FEW", "-11, MANY", "-21, ONE" })
	void should_follow_the_russian_rules_when_the_number_is_whole(long number, PluralForm form) {
		assertThat(PluralForm.of(number, RUSSIAN)).isEqualTo(form);
		assertThat(PluralForm.of(BigDecimal.valueOf(number), RUSSIAN)).isEqualTo(form);
	}

	@ParameterizedTest(name = "en {0} -> {1}")
	@CsvSource({ "0, OTHER", "1, ONE", "2, OTHER", "4, OTHER", "5, OTHER", "11, OTHER", "12, OTHER", "14, OTHER",
			"21, OTHER", "22, OTHER", "25, OTHER", "101, OTHER", "111, OTHER", "-1, ONE" })
	void should_follow_the_english_rules_when_the_number_is_whole(long number, PluralForm form) {
		assertThat(PluralForm.of(number, Locale.ENGLISH)).isEqualTo(form);
		assertThat(PluralForm.of(number, Locale.UK)).isEqualTo(form);
	}

	@ParameterizedTest(name = "{0} shown with decimals -> OTHER")
	@CsvSource({ "1.0", "1.5", "2.0", "21.0", "0.5", "5.25" })
	void should_take_the_other_form_when_the_number_is_shown_with_decimals(BigDecimal shown) {
		assertThat(PluralForm.of(shown, RUSSIAN)).isEqualTo(PluralForm.OTHER);
		assertThat(PluralForm.of(shown, Locale.ENGLISH)).isEqualTo(PluralForm.OTHER);
	}

	@ParameterizedTest(name = "{0}: counts as English")
	@CsvSource({ "de", "fr", "und" })
	void should_count_as_english_when_the_language_is_not_spoken_here(String language) {
		assertThat(PluralForm.of(1, Locale.forLanguageTag(language))).isEqualTo(PluralForm.ONE);
		assertThat(PluralForm.of(2, Locale.forLanguageTag(language))).isEqualTo(PluralForm.OTHER);
	}

}
