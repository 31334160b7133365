package dev.punchcard.app.api;

import dev.punchcard.app.web.CsvLines;
import java.time.Instant;
import java.util.List;

import dev.punchcard.core.broadcast.application.RecipientRow;
import org.jspecify.annotations.Nullable;

/**
 * Recipients as CSV: a header row, then one line per recipient, written by
 * {@link CsvLines} (RFC 4180, formula-injection safe).
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
		return CsvLines.field(raw);
	}

	private static String csvLine(List<@Nullable String> fields) {
		return CsvLines.line(fields);
	}

	private static @Nullable String time(@Nullable Instant at) {
		return (at == null) ? null : at.toString();
	}

}
