package dev.punchcard.core.broadcast.infrastructure;

import java.time.Clock;
import java.time.Instant;

import dev.punchcard.core.broadcast.application.BroadcastTracking;
import dev.punchcard.core.broadcast.domain.RecipientState;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

import static dev.punchcard.core.broadcast.infrastructure.R2dbcBroadcasts.nullable;
import static dev.punchcard.core.broadcast.infrastructure.R2dbcBroadcasts.utc;

/**
 * {@link BroadcastTracking} on {@code broadcast_recipients}: a status moves the state
 * only up by rank ({@link RecipientState#rank()}), and fills the time of its step once,
 * so replays and late arrivals change nothing; a broadcast's status that came before its
 * send was settled is kept in {@link R2dbcEarlyStatuses} until it is; button replies
 * count once per recipient and button by the table's key.
 */
class R2dbcBroadcastTracking implements BroadcastTracking {

	private static final int BUTTON_LIMIT = 256;

	private static final String STATUS = """
			WITH target AS (
			  SELECT id FROM broadcast_recipients WHERE channel = :channel AND message_id = :messageId),
			moved AS (
			  UPDATE broadcast_recipients r
			  SET state = CASE WHEN :rank > r.status_rank THEN :state ELSE r.state END,
			      status_rank = GREATEST(r.status_rank, :rank),
			      delivered_at = CASE WHEN :state IN ('DELIVERED', 'READ') THEN COALESCE(r.delivered_at, :at)
			                          ELSE r.delivered_at END,
			      read_at = CASE WHEN :state = 'READ' THEN COALESCE(r.read_at, :at) ELSE r.read_at END,
			      failed_at = CASE WHEN :state = 'FAILED' THEN COALESCE(r.failed_at, :at) ELSE r.failed_at END,
			      error_code = CASE WHEN :state = 'FAILED' AND :rank > r.status_rank THEN CAST(:code AS text)
			                        ELSE r.error_code END,
			      error_reason = CASE WHEN :state = 'FAILED' AND :rank > r.status_rank THEN CAST(:reason AS text)
			                          ELSE r.error_reason END
			  FROM target t
			  WHERE r.id = t.id AND r.status_rank > 0
			  RETURNING r.id)
			SELECT count(*) AS found FROM target
			""";

	private static final String BUTTON = """
			WITH target AS (
			  SELECT id FROM broadcast_recipients WHERE channel = :channel AND message_id = :messageId),
			counted AS (
			  INSERT INTO broadcast_button_replies (recipient_id, button, replied_at)
			  SELECT id, :button, :at FROM target
			  ON CONFLICT (recipient_id, button) DO NOTHING
			  RETURNING 1)
			SELECT count(*) AS found FROM target
			""";

	private final DatabaseClient db;

	private final Clock clock;

	private final R2dbcEarlyStatuses early;

	R2dbcBroadcastTracking(DatabaseClient db, Clock clock, R2dbcEarlyStatuses early) {
		this.db = db;
		this.clock = clock;
		this.early = early;
	}

	@Override
	public Mono<Boolean> recordStatus(ChatChannel channel, String messageId, Delivery state, Instant at,
			@Nullable String code, @Nullable String reason) {
		RecipientState recipientState = RecipientState.valueOf(state.name());
		GenericExecuteSpec spec = this.db.sql(STATUS)
			.bind("channel", channel.name())
			.bind("messageId", messageId)
			.bind("state", recipientState.name())
			.bind("rank", recipientState.rank())
			.bind("at", utc(at));
		spec = nullable(spec, "code", code(code), String.class);
		spec = nullable(spec, "reason", reason(reason), String.class);
		return spec.map((row) -> row.get("found", Long.class) > 0).one();
	}

	/** Tries the recipient first; only a status that found none is kept. */
	@Override
	public Mono<Boolean> recordBroadcastStatus(ChatChannel channel, String messageId, Delivery state, Instant at,
			@Nullable String code, @Nullable String reason) {
		return recordStatus(channel, messageId, state, at, code, reason).filter(Boolean::booleanValue)
			.switchIfEmpty(
					Mono.defer(() -> this.early
						.keep(channel, messageId, RecipientState.valueOf(state.name()), at, code(code), reason(reason),
								this.clock.instant())
						.thenReturn(true)));
	}

	@Override
	public Mono<Boolean> recordButton(ChatChannel channel, String messageId, String button) {
		String counted = cut(button.isBlank() ? "(blank)" : button, BUTTON_LIMIT);
		return Mono.defer(() -> this.db.sql(BUTTON)
			.bind("channel", channel.name())
			.bind("messageId", messageId)
			.bind("button", counted)
			.bind("at", utc(this.clock.instant()))
			.map((row) -> row.get("found", Long.class) > 0)
			.one());
	}

	private static @Nullable String code(@Nullable String code) {
		return (code == null) ? null : cut(code, 64);
	}

	private static @Nullable String reason(@Nullable String reason) {
		return (reason == null) ? null : cut(reason, 1000);
	}

	private static String cut(String text, int limit) {
		return (text.length() <= limit) ? text : text.substring(0, limit);
	}

}
