package dev.punchcard.core.imports.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.punchcard.core.shared.domain.PlainText;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of one line, remembering the first problem: the checks every column
 * shares (present, free of control characters, not too long, of a format).
 */
final class LineReader {

	/** Ten billion currency units in cents, as the purchases API allows. */
	static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;

	private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,13}(\\.[0-9]{1,9})?");

	private final CsvHeader header;

	private final SourceLine line;

	private @Nullable String problem;

	LineReader(CsvHeader header, SourceLine line) {
		this.header = header;
		this.line = line;
		if (line.fields().size() != header.size()) {
			this.problem = "has " + line.fields().size() + " fields, the header has " + header.size();
		}
	}

	/** The field, or null (recording a problem) when it is missing. */
	@Nullable String required(String column, int maxLength) {
		String value = optional(column, maxLength);
		if (value == null) {
			refuse("missing " + column);
		}
		return value;
	}

	/**
	 * The field, null when blank; a problem when it is too long or holds control
	 * characters.
	 */
	@Nullable String optional(String column, int maxLength) {
		Optional<String> field = this.header.field(this.line, column);
		if (field.isEmpty()) {
			return null;
		}
		String value = field.get();
		if (!PlainText.isSingleLine(value)) {
			refuse(column + " contains control characters");
			return null;
		}
		if (value.length() > maxLength) {
			refuse(column + " is longer than " + maxLength + " characters");
			return null;
		}
		return value;
	}

	/** The field if it matches the pattern, else null with a problem. */
	@Nullable String matching(@Nullable String value, Pattern pattern, String column, String what) {
		if (value != null && !pattern.matcher(value).matches()) {
			refuse(column + " must be " + what);
			return null;
		}
		return value;
	}

	/**
	 * A decimal amount in the currency (dot as separator, at most its fraction digits) as
	 * minor units, or -1 with a problem.
	 */
	long minorUnits(@Nullable String value, Currency currency, String column, boolean zeroAllowed) {
		if (value == null) {
			return -1;
		}
		if (!DECIMAL.matcher(value).matches()) {
			refuse("bad " + column + " '" + value + "': a decimal number like 12.34 in " + currency.getCurrencyCode());
			return -1;
		}
		BigDecimal minor = new BigDecimal(value).movePointRight(currency.getDefaultFractionDigits());
		if (minor.stripTrailingZeros().scale() > 0) {
			refuse("bad " + column + " '" + value + "': " + currency.getCurrencyCode() + " has "
					+ currency.getDefaultFractionDigits() + " decimals");
			return -1;
		}
		long units = minor.longValue();
		if (units > MAX_AMOUNT_MINOR || units < 0 || (units == 0 && !zeroAllowed)) {
			refuse("bad " + column + " '" + value + "': must be " + (zeroAllowed ? "0" : "more than 0") + " to "
					+ BigDecimal.valueOf(MAX_AMOUNT_MINOR).movePointLeft(currency.getDefaultFractionDigits()));
			return -1;
		}
		return units;
	}

	void refuse(String reason) {
		if (this.problem == null) {
			this.problem = reason;
		}
	}

	boolean ok() {
		return this.problem == null;
	}

	<T> ParsedLine<T> result(T row) {
		return (this.problem == null) ? new ParsedLine.Row<>(row) : refused();
	}

	<T> ParsedLine<T> refused() {
		return new ParsedLine.Refused<>(new Rejection(this.line.lineNo(), String.valueOf(this.problem)));
	}

}
