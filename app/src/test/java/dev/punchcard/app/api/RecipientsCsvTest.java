package dev.punchcard.app.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The recipients' CSV fields: RFC 4180 quoting and no formulas for spreadsheets. */
class RecipientsCsvTest {

	@Test
	void should_quote_a_field_with_a_comma_quote_or_line_break_and_double_its_quotes() {
		assertThat(RecipientsCsv.field("plain")).isEqualTo("plain");
		assertThat(RecipientsCsv.field("a, b")).isEqualTo("\"a, b\"");
		assertThat(RecipientsCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(RecipientsCsv.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
		assertThat(RecipientsCsv.field(null)).isEmpty();
	}

	@Test
	void should_keep_a_field_that_looks_like_a_formula_as_text() {
		assertThat(RecipientsCsv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
		assertThat(RecipientsCsv.field("+1 rate limit")).isEqualTo("'+1 rate limit");
		assertThat(RecipientsCsv.field("-5")).isEqualTo("'-5");
		assertThat(RecipientsCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(RecipientsCsv.field("\tcmd")).isEqualTo("'\tcmd");
		assertThat(RecipientsCsv.field("131000")).isEqualTo("131000");
		assertThat(RecipientsCsv.field("2026-12-02T00:00:00Z")).isEqualTo("2026-12-02T00:00:00Z");
	}

}
