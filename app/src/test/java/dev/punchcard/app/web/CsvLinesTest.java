package dev.punchcard.app.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A rejection's reason in the download: RFC 4180, and never a spreadsheet formula. */
class CsvLinesTest {

	@Test
	void should_keep_a_reason_that_looks_like_a_formula_as_text_when_it_starts_with_a_formula_character() {
		assertThat(CsvLines.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(CsvLines.field("+1")).isEqualTo("'+1");
		assertThat(CsvLines.field("@sum")).isEqualTo("'@sum");
	}

	@Test
	void should_quote_a_field_when_it_holds_a_comma_a_quote_or_a_line_break() {
		assertThat(CsvLines.field("has 2 fields, the header has 6")).isEqualTo("\"has 2 fields, the header has 6\"");
		assertThat(CsvLines.field("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(CsvLines.field("missing name")).isEqualTo("missing name");
	}

}
