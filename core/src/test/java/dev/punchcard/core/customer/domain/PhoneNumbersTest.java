package dev.punchcard.core.customer.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

	private final PhoneNumbers phones = new PhoneNumbers("DE");

	@ParameterizedTest
	@CsvSource({ "+49 151 23456789, +4915123456789", "0151 23456789, +4915123456789", "004915123456789, +4915123456789",
			"4915123456789, +4915123456789", "+1 (202) 555-0143, +12025550143" })
	void should_normalise_to_e164_when_the_number_is_valid(String typed, String e164) {
		assertThat(this.phones.toE164(typed)).hasValue(e164);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "hello", "123", "+49 1", "+999 12345678" })
	void should_reject_when_the_text_is_not_a_valid_number(String typed) {
		assertThat(this.phones.toE164(typed)).isEmpty();
	}

}
