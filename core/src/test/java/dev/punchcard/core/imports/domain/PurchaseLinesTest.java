package dev.punchcard.core.imports.domain;

import java.time.Instant;
import java.util.Currency;
import java.util.List;

import dev.punchcard.core.customer.domain.PhoneNumbers;
import dev.punchcard.core.purchase.domain.LineItem;
import org.junit.jupiter.api.Test;

import static dev.punchcard.core.imports.domain.LinesFixture.header;
import static dev.punchcard.core.imports.domain.LinesFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

class PurchaseLinesTest {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final PurchaseLines lines = new PurchaseLines(new PhoneNumbers("DE"), Currency.getInstance("EUR"));

	private final CsvHeader header = header("customer_external_id", "card_code", "phone", "store", "receipt_no", "time",
			"amount", "items");

	@Test
	void should_read_a_purchase_with_decimal_amounts_in_minor_units_and_its_items() {
		assertThat(this.lines.parse(this.header,
				line(2, "M-1", "", "", "S1", "R-1", "2026-11-30T10:00:00+01:00", "12.34",
						"SKU1|2|5.00|Coffee|drinks;SKU2|1|2.34"),
				NOW))
			.isEqualTo(new ParsedLine.Row<>(new PurchaseRow(2, new CustomerKey.ExternalId("M-1"), "S1", "R-1",
					Instant.parse("2026-11-30T09:00:00Z"), 1234,
					List.of(new LineItem("SKU1", "Coffee", "drinks", 2, 500),
							new LineItem("SKU2", null, null, 1, 234)))));
	}

	@Test
	void should_take_the_customer_by_external_id_then_card_code_then_phone() {
		assertThat(customer(line(2, "", "CARD", "0151 12345601", "S1", "R-1", "2026-11-30T10:00:00Z", "1", "")))
			.isEqualTo(new CustomerKey.CardCode("CARD"));
		assertThat(customer(line(2, "", "", "0151 12345601", "S1", "R-1", "2026-11-30T10:00:00Z", "1", "")))
			.isEqualTo(new CustomerKey.Phone("+4915112345601"));
	}

	@Test
	void should_refuse_each_bad_line_with_a_clear_reason() {
		assertThat(refused(line(3, "", "", "", "S1", "R-1", "2026-11-30T10:00:00Z", "1.00", "")))
			.isEqualTo("missing customer: give customer_external_id, card_code or phone");
		assertThat(refused(line(4, "M-1", "", "", "S1", "R-1", "30.11.2026", "1.00", "")))
			.isEqualTo("bad time '30.11.2026': must be ISO-8601 with an offset, like 2026-11-30T18:05:00+01:00");
		assertThat(refused(line(5, "M-1", "", "", "S1", "R-1", "2026-11-30T10:00:00", "1.00", "")))
			.startsWith("bad time '2026-11-30T10:00:00'");
		assertThat(refused(line(6, "M-1", "", "", "S1", "R-1", "2026-12-02T10:00:00Z", "1.00", "")))
			.isEqualTo("bad time '2026-12-02T10:00:00Z': in the future");
		assertThat(refused(line(7, "M-1", "", "", "S1", "R-1", "2026-11-30T10:00:00Z", "1,00", "")))
			.isEqualTo("bad amount '1,00': a decimal number like 12.34 in EUR");
		assertThat(refused(line(8, "M-1", "", "", "S1", "R-1", "2026-11-30T10:00:00Z", "1.001", "")))
			.isEqualTo("bad amount '1.001': EUR has 2 decimals");
		assertThat(refused(line(9, "M-1", "", "", "S1", "R-1", "2026-11-30T10:00:00Z", "0.00", "")))
			.startsWith("bad amount '0.00': must be more than 0");
		assertThat(refused(line(10, "M-1", "", "", "S1", "R 1", "2026-11-30T10:00:00Z", "1", "")))
			.isEqualTo("receipt_no must be 1-64 printable characters without spaces");
		assertThat(refused(line(11, "M-1", "", "", "", "R-1", "2026-11-30T10:00:00Z", "1", "")))
			.isEqualTo("missing store");
		assertThat(refused(line(12, "M-1", "", "", "S1", "R-1", "2026-11-30T10:00:00Z", "1", "SKU1|x|1.00")))
			.isEqualTo("bad items: item 1 needs a quantity of 1 to 1000000");
		assertThat(refused(line(13, "M-1", "", "", "S1", "R-1", "2026-11-30T10:00:00Z", "1", "SKU1|1")))
			.isEqualTo("bad items: item 1 must be " + PurchaseLines.ITEMS_FORMAT);
		assertThat(refused(line(14, "M-1", "", "0151", "S1", "R-1", "2026-11-30T10:00:00Z", "1", "SKU\u00001|1|1")))
			.isEqualTo("items contains control characters");
		assertThat(refused(line(15, "", "", "123", "S1", "R-1", "2026-11-30T10:00:00Z", "1", "")))
			.isEqualTo("bad phone: not a phone number");
	}

	private CustomerKey customer(SourceLine line) {
		ParsedLine<PurchaseRow> parsed = this.lines.parse(this.header, line, NOW);
		assertThat(parsed).isInstanceOf(ParsedLine.Row.class);
		return ((ParsedLine.Row<PurchaseRow>) parsed).row().customer();
	}

	private String refused(SourceLine line) {
		ParsedLine<PurchaseRow> parsed = this.lines.parse(this.header, line, NOW);
		assertThat(parsed).isInstanceOf(ParsedLine.Refused.class);
		Rejection rejection = ((ParsedLine.Refused<PurchaseRow>) parsed).rejection();
		assertThat(rejection.lineNo()).isEqualTo(line.lineNo());
		return rejection.reason();
	}

}
