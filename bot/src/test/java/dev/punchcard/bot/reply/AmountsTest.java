package dev.punchcard.bot.reply;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AmountsTest {

	@ParameterizedTest
	@CsvSource({ "12.50, 1250", "'12,5', 1250", "12, 1200", "0.01, 1", " 7 , 700", "1 000.00, 100000" })
	void should_read_minor_units_when_an_amount_is_typed(String typed, long minor) {
		assertThat(Amounts.parse(typed, "EUR")).hasValue(minor);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "0", "0.00", "-5", "12.345", "twelve", "1e3", "12.5.1", "99999999999" })
	void should_refuse_when_the_text_is_not_a_positive_amount(String typed) {
		assertThat(Amounts.parse(typed, "EUR")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "1250, EUR, 12.50 EUR", "5, EUR, 0.05 EUR", "500, JPY, 500 JPY" })
	void should_format_with_the_currency_digits(long minor, String currency, String shown) {
		assertThat(Amounts.format(minor, currency)).isEqualTo(shown);
	}

}
