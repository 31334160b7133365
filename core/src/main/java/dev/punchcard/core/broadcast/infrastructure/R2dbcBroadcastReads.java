package dev.punchcard.core.broadcast.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.punchcard.core.broadcast.application.BroadcastReads;
import dev.punchcard.core.broadcast.application.RecipientQuery;
import dev.punchcard.core.broadcast.application.RecipientRow;
import dev.punchcard.core.broadcast.application.SkipReason;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.RecipientState;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static dev.punchcard.core.broadcast.infrastructure.R2dbcBroadcasts.instant;
import static dev.punchcard.core.broadcast.infrastructure.R2dbcBroadcasts.utc;

/**
 * {@link BroadcastReads} as grouped counts over {@code broadcast_recipients} and keyset
 * pages by recipient id.
 */
class R2dbcBroadcastReads implements BroadcastReads {

	private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

	private static final String RECIPIENT_COLUMNS = """
			id, customer_id, channel, state, skip_reason, message_id, error_code, error_reason, attempts, sent_at,
			delivered_at, read_at, failed_at""";

	private final DatabaseClient db;

	R2dbcBroadcastReads(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Tally> tally(BroadcastId id, Instant now) {
		Mono<List<Count>> counts = this.db
			.sql("SELECT state, channel, count(*) AS n FROM broadcast_recipients WHERE broadcast_id = :id"
					+ " GROUP BY state, channel ORDER BY state, channel")
			.bind("id", id.value())
			.map((row) -> new Count(RecipientState.valueOf(row.get("state", String.class)), channel(row),
					row.get("n", Long.class)))
			.all()
			.collectList();
		Mono<Long> sent = this.db
			.sql("SELECT count(*) AS n FROM broadcast_recipients WHERE broadcast_id = :id AND sent_at > :since")
			.bind("id", id.value())
			.bind("since", utc(now.minus(RATE_WINDOW)))
			.map((row) -> row.get("n", Long.class))
			.one();
		return Mono.zip(counts, sent, buttons(id)).map((read) -> new Tally(read.getT1(), read.getT2(), read.getT3()));
	}

	private Mono<Map<String, Long>> buttons(BroadcastId id) {
		return this.db.sql("""
				SELECT br.button, count(*) AS n
				FROM broadcast_button_replies br JOIN broadcast_recipients r ON r.id = br.recipient_id
				WHERE r.broadcast_id = :id
				GROUP BY br.button ORDER BY br.button
				""")
			.bind("id", id.value())
			.map((row) -> Map.entry(row.get("button", String.class), row.get("n", Long.class)))
			.all()
			.collect(LinkedHashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()));
	}

	@Override
	public Flux<RecipientRow> recipients(BroadcastId id, RecipientQuery query) {
		StringBuilder sql = new StringBuilder(
				"SELECT " + RECIPIENT_COLUMNS + " FROM broadcast_recipients WHERE broadcast_id = :id AND id > :after");
		if (query.state() != null) {
			sql.append(" AND state = :state");
		}
		if (query.channel() != null) {
			sql.append(" AND channel = :channel");
		}
		sql.append(" ORDER BY id LIMIT :limit");
		GenericExecuteSpec spec = this.db.sql(sql.toString())
			.bind("id", id.value())
			.bind("after", query.after())
			.bind("limit", query.limit());
		if (query.state() != null) {
			spec = spec.bind("state", query.state().name());
		}
		if (query.channel() != null) {
			spec = spec.bind("channel", query.channel().name());
		}
		return spec.map(R2dbcBroadcastReads::row).all();
	}

	private static RecipientRow row(Readable row) {
		String skip = row.get("skip_reason", String.class);
		return new RecipientRow(row.get("id", Long.class), new CustomerId(row.get("customer_id", UUID.class)),
				channel(row), RecipientState.valueOf(row.get("state", String.class)),
				(skip == null) ? null : SkipReason.valueOf(skip), row.get("message_id", String.class),
				row.get("error_code", String.class), row.get("error_reason", String.class),
				row.get("attempts", Integer.class), instant(row, "sent_at"), instant(row, "delivered_at"),
				instant(row, "read_at"), instant(row, "failed_at"));
	}

	private static ChatChannel channel(Readable row) {
		String channel = row.get("channel", String.class);
		return (channel == null) ? null : ChatChannel.valueOf(channel);
	}

}
