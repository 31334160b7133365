package dev.punchcard.app.web;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Lines of CSV (RFC 4180) for downloads: CRLF line ends, a field quoted when it holds a
 * comma, a quote or a line break, its quotes doubled; a field that a spreadsheet would
 * take for a formula (starting with {@code = + - @}, a tab or a carriage return) is
 * prefixed with {@code '}. Shared by the API's downloads and the console's.
 */
public final class CsvLines {

	private CsvLines() {
	}

	/** The fields as one line, CRLF included. */
	public static String line(List<@Nullable String> fields) {
		return fields.stream().map(CsvLines::field).collect(Collectors.joining(",")) + "\r\n";
	}

	public static String field(@Nullable String raw) {
		if (raw == null) {
			return "";
		}
		// a spreadsheet would run a cell starting with one of these as a formula (CSV
		// injection, e.g. a platform's error text): it is kept as text with a leading
		// quote
		String value = (!raw.isEmpty() && "=+-@\t\r".indexOf(raw.charAt(0)) >= 0) ? "'" + raw : raw;
		boolean quoted = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
				|| value.indexOf('\r') >= 0;
		return quoted ? '"' + value.replace("\"", "\"\"") + '"' : value;
	}

}
