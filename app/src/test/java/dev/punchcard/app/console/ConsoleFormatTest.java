package dev.punchcard.app.console;

import java.math.BigDecimal;
import java.util.Locale;

import dev.punchcard.app.console.ConsoleFormat.Amount;
import dev.punchcard.app.console.ConsoleFormat.Count;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's numbers over its real messages (as the application configures them):
 * grouping per language, amounts from minor units, and nouns in their plural forms.
 */
class ConsoleFormatTest {

	/** Russian groups with a no-break space. */
	private static final String NBSP = "\u00a0";

	private static final ResourceBundleMessageSource MESSAGES = messages();

	private final ConsoleFormat english = new ConsoleFormat(MESSAGES, Locale.ENGLISH);

	private final ConsoleFormat russian = new ConsoleFormat(MESSAGES, Locale.forLanguageTag("ru"));

	@Test
	void should_group_thousands_as_the_language_does() {
		assertThat(this.english.number(12_345)).isEqualTo("12,345");
		assertThat(this.russian.number(12_345)).isEqualTo("12" + NBSP + "345");
		assertThat(this.english.number(-1_234_567)).isEqualTo("-1,234,567");
		assertThat(this.english.number(999)).isEqualTo("999");
	}

	@Test
	void should_write_decimals_with_the_language_s_point_and_the_digits_asked_for() {
		assertThat(this.english.decimal(1234.56, 1)).isEqualTo("1,234.6");
		assertThat(this.russian.decimal(1234.56, 1)).isEqualTo("1" + NBSP + "234,6");
		assertThat(this.english.decimal(100, 1)).isEqualTo("100.0");
		assertThat(this.english.decimal(0.05, 1)).isEqualTo("0.1");
	}

	@Test
	void should_convert_minor_units_in_the_currency_s_own_decimals() {
		assertThat(this.english.amount(1_234_550, "EUR")).isEqualTo("12,345.50");
		assertThat(this.russian.amount(1_234_550, "EUR")).isEqualTo("12" + NBSP + "345,50");
		assertThat(this.english.amount(5, "EUR")).isEqualTo("0.05");
		assertThat(this.english.amount(-250, "EUR")).isEqualTo("-2.50");
		assertThat(this.english.amount(1250, "JPY")).isEqualTo("1,250");
		assertThat(this.english.amount(1250, "KWD")).isEqualTo("1.250");
		assertThat(this.english.money(1250, "EUR")).isEqualTo("12.50" + NBSP + "EUR");
		assertThat(ConsoleFormat.major(1250, "EUR")).isEqualTo(new BigDecimal("12.50"));
	}

	@ParameterizedTest(name = "ru {0} -> {1}")
	@CsvSource({ "0, 0 баллов", "1, 1 балл", "2, 2 балла", "4, 4 балла", "5, 5 баллов", "11, 11 баллов",
			"12, 12 баллов", "14, 14 баллов", "21, 21 балл", "22, 22 балла", "25, 25 баллов", "101, 101 балл",
			"111, 111 баллов", "1001, 1_001 балл", "12345, 12_345 баллов" })
	void should_write_points_in_russian_in_their_plural_form(long points, String expected) {
		// _ stands for the no-break space that groups thousands
		assertThat(this.russian.count(points, "points")).isEqualTo(expected.replace("_", NBSP));
	}

	@ParameterizedTest(name = "en {0} -> {1}")
	@CsvSource({ "0, 0 points", "1, 1 point", "2, 2 points", "11, 11 points", "21, 21 points", "101, 101 points",
			"12345, '12,345 points'" })
	void should_write_points_in_english_in_their_plural_form(long points, String expected) {
		assertThat(this.english.count(points, "points")).isEqualTo(expected);
	}

	@Test
	void should_have_every_noun_the_console_counts_in_both_languages() {
		for (String noun : new String[] { "points", "members", "purchases", "refunds", "lines", "bytes", "seconds",
				"days", "messages", "recipients", "balances", "templates" }) {
			assertThat(this.english.count(1, noun)).as(noun).doesNotContain("??").doesNotEndWith("s");
			assertThat(this.english.count(2, noun)).as(noun).endsWith("s");
			assertThat(this.russian.count(1, noun)).as(noun).doesNotContain("??");
			assertThat(this.russian.count(5, noun)).as(noun).doesNotContain("??");
		}
		assertThat(this.russian.count(21, "members")).isEqualTo("21 участник");
		assertThat(this.russian.count(3, "purchases")).isEqualTo("3 покупки");
		assertThat(this.russian.count(11, "lines")).isEqualTo("11 строк");
	}

	@Test
	void should_take_the_other_form_for_a_count_shown_with_decimals() {
		assertThat(this.english.count(1.0, 1, "messages")).isEqualTo("1.0 messages");
		assertThat(this.russian.count(1.5, 1, "messages")).isEqualTo("1,5 сообщения");
		assertThat(this.russian.count(21, 0, "messages")).isEqualTo("21 сообщение");
	}

	@Test
	void should_write_counts_and_amounts_inside_a_message() {
		assertThat(this.russian.message("till.recorded", new Count(21, "points"), new Count(1002, "points"), "GOLD"))
			.isEqualTo("Записано: начислено 21 балл. Новый баланс 1" + NBSP + "002 балла, уровень GOLD.");
		assertThat(this.english.message("till.recorded", new Count(1, "points"), new Count(12_345, "points"), "GOLD"))
			.isEqualTo("Recorded: 1 point earned. New balance 12,345 points, tier GOLD.");
		assertThat(this.english.message("till.refund-too-large", new Amount(123_450, "EUR")))
			.isEqualTo("At most 1,234.50" + NBSP + "EUR of this purchase can still be refunded.");
		assertThat(this.english.message("imports.accepted-unchanged", 2000L, 0L))
			.isEqualTo("2,000 (of which 0 there already)");
	}

	@Test
	void should_choose_a_sentence_s_plural_form_by_its_first_argument() {
		assertThat(this.english.message("segments.preview-count", 1L)).isEqualTo("1 member matches");
		assertThat(this.english.message("segments.preview-count", 1200L)).isEqualTo("1,200 members match");
		assertThat(this.russian.message("segments.preview-count", 21L)).isEqualTo("Подходит 21 участник");
		assertThat(this.russian.message("segments.preview-count", 3L)).isEqualTo("Подходят 3 участника");
		assertThat(this.russian.message("segments.preview-count", 11L)).isEqualTo("Подходят 11 участников");
		assertThat(this.russian.message("login.throttled", 21)).endsWith("через 21 секунду.");
		assertThat(this.russian.message("imports.percent", 5L, "50,0", 2L))
			.isEqualTo("Прочитано 50,0% файла (2 из 5 байт)");
		assertThat(this.russian.message("imports.percent", 1L, "100,0", 1L))
			.isEqualTo("Прочитано 100,0% файла (1 из 1 байта)");
	}

	@Test
	void should_show_a_missing_text_as_thymeleaf_does_instead_of_failing_the_page() {
		assertThat(this.english.count(2, "unicorns")).isEqualTo("??count.unicorns.other_en??");
		assertThat(this.english.message("no.such.key")).isEqualTo("??no.such.key_en??");
	}

	/** As config/application.yml sets up Spring Boot's message source. */
	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("console/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setAlwaysUseMessageFormat(true);
		return messages;
	}

}
