package dev.punchcard.core.imports.domain;

import java.util.List;

import dev.punchcard.core.customer.domain.PhoneNumbers;
import org.junit.jupiter.api.Test;

import static dev.punchcard.core.imports.domain.LinesFixture.header;
import static dev.punchcard.core.imports.domain.LinesFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

class MemberLinesTest {

	private final MemberLines lines = new MemberLines(new PhoneNumbers("DE"), "en");

	private final CsvHeader header = header("external_id", "name", "phone", "language", "home_store", "consent");

	@Test
	void should_read_a_member_with_the_phone_in_e164_and_consent_as_opted_in_when_the_line_is_good() {
		assertThat(this.lines.parse(this.header, line(2, "M-1", " Anna ", "0151 12345601", "de", "S1", "yes")))
			.isEqualTo(new ParsedLine.Row<>(new MemberRow(2, "M-1", "Anna", "+4915112345601", "de", "S1", false)));
	}

	@Test
	void should_default_the_language_and_leave_phone_store_and_consent_empty_when_they_are_blank() {
		assertThat(this.lines.parse(this.header, line(3, "M-2", "Bob", "", "", "", "")))
			.isEqualTo(new ParsedLine.Row<>(new MemberRow(3, "M-2", "Bob", null, "en", null, null)));
	}

	@Test
	void should_read_no_as_opted_out_of_marketing() {
		assertThat(this.lines.parse(this.header, line(3, "M-2", "Bob", "", "", "", "NO"))).isInstanceOfSatisfying(
				ParsedLine.Row.class, (row) -> assertThat(((MemberRow) row.row()).optedOut()).isTrue());
	}

	@Test
	void should_refuse_each_bad_line_with_its_line_number_and_the_first_problem() {
		assertThat(refused(line(4, "M-3", "Carl", "not-a-phone", "", "", "")))
			.isEqualTo("bad phone: not a phone number");
		assertThat(refused(line(5, "", "Dora", "", "", "", ""))).isEqualTo("missing external_id");
		assertThat(refused(line(6, "M 6", "Eve", "", "", "", "")))
			.isEqualTo("external_id must be 1-64 printable characters without spaces");
		assertThat(refused(line(7, "M-7", "", "", "", "", ""))).isEqualTo("missing name");
		assertThat(refused(line(8, "M-8", "Fr\u0000ed", "", "", "", ""))).isEqualTo("name contains control characters");
		assertThat(refused(line(9, "M-9", "x".repeat(101), "", "", "", "")))
			.isEqualTo("name is longer than 100 characters");
		assertThat(refused(line(10, "M-10", "Hal", "", "english", "", "")))
			.isEqualTo("language must be a language tag like en or pt-BR");
		assertThat(refused(line(11, "M-11", "Ivy", "", "", "", "maybe")))
			.isEqualTo("bad consent 'maybe': must be yes or no");
		assertThat(refused(line(12, "M-12", "Jo"))).isEqualTo("has 2 fields, the header has 6");
		assertThat(refused(line(13, "M-13", "Kim", "", "", "bad store!", "")))
			.isEqualTo("home_store must be a store code");
	}

	@Test
	void should_not_use_a_header_without_the_required_columns() {
		CsvHeader.Result result = CsvHeader.of(List.of("\uFEFFExternal_ID", "phone"), MemberLines.REQUIRED);

		assertThat(result.header()).isNull();
		assertThat(result.problem()).startsWith("the header row lacks the column(s) name");
	}

	private String refused(SourceLine line) {
		ParsedLine<MemberRow> parsed = this.lines.parse(this.header, line);
		assertThat(parsed).isInstanceOf(ParsedLine.Refused.class);
		Rejection rejection = ((ParsedLine.Refused<MemberRow>) parsed).rejection();
		assertThat(rejection.lineNo()).isEqualTo(line.lineNo());
		return rejection.reason();
	}

}
