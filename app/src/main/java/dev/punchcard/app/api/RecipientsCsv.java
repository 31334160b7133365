package dev.punchcard.app.api;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import dev.punchcard.core.broadcast.application.RecipientRow;
import org.jspecify.annotations.Nullable;

/**
 * Recipients as CSV (RFC 4180): a header row, CRLF line ends, a field quoted when it
 * holds a comma, a quote or a line break, its quotes doubled; a field that a spreadsheet
 * would take for a formula (starting with {@code = + - @}, a tab or a carriage return) is
 * prefixed with {@code '}.
 */
final class RecipientsCsv {

	static final String HEADER = csvLine(List.of("id", "customer_id", "channel", "state", "skip_reason", "message_id",
			"error_code", "error_reason", "attempts", "sent_at", "delivered_at", "read_at", "failed_at"));

	private RecipientsCsv() {
	}

	static String line(RecipientRow row) {
		return csvLine(java.util.Arrays.asList(String.valueOf(row.id()), row.customerId().toString(),
				(row.channel() == null) ? "" : row.channel().name(), row.state().name(),
				(row.skipReason() == null) ? "" : row.skipReason().name(), row.messageId(), row.errorCode(),
				row.errorReason(), String.valueOf(row.attempts()), time(row.sentAt()), time(row.deliveredAt()),
				time(row.readAt()), time(row.failedAt())));
	}

	static String field(@Nullable String raw) {
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

	private static String csvLine(List<@Nullable String> fields) {
		return fields.stream().map(RecipientsCsv::field).collect(Collectors.joining(",")) + "\r\n";
	}

	private static @Nullable String time(@Nullable Instant at) {
		return (at == null) ? null : at.toString();
	}

}
