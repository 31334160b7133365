package dev.punchcard.core.broadcast.infrastructure;

import java.time.Instant;
import java.util.Collection;

import dev.punchcard.core.broadcast.application.EarlyStatuses;
import dev.punchcard.core.broadcast.domain.RecipientState;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

import static dev.punchcard.core.broadcast.infrastructure.R2dbcBroadcasts.nullable;
import static dev.punchcard.core.broadcast.infrastructure.R2dbcBroadcasts.utc;

/**
 * {@link EarlyStatuses} in {@code broadcast_early_statuses}: statuses of broadcast
 * messages that arrived before their send was settled, kept once per message and state,
 * applied (and deleted) as soon as a recipient has the message id, by the ranking of
 * {@link RecipientState#rank()}, and forgotten after a while.
 * <p>
 * Nothing is lost between the two sides because each applies after its own write is
 * committed: a status keeps itself, then applies; a settle records the message id, then
 * applies. Whichever of the two applies last sees both rows. Applying deletes the kept
 * rows it uses, so two that run at once apply each status once. Should the settle's apply
 * fail after its message id was written, the catch-up ({@link #applySettled}) applies
 * what it left: it locks the kept rows it takes with {@code SKIP LOCKED}, so it neither
 * waits for nor deadlocks with an apply in flight, and deletes them in the same
 * statement.
 */
class R2dbcEarlyStatuses implements EarlyStatuses {

	private static final String KEEP = """
			INSERT INTO broadcast_early_statuses
			  (channel, message_id, state, status_rank, at, error_code, error_reason, received_at)
			VALUES (:channel, :messageId, :state, :rank, :at, :code, :reason, :now)
			ON CONFLICT (channel, message_id, state) DO NOTHING
			""";

	/**
	 * Moves each recipient the kept statuses of its message reach: the highest ranked
	 * state if above its own, the earliest time of each step (LEAST skips nulls), a
	 * failure's code only with the move to FAILED. Each of these is the same whichever
	 * order the statuses of one message are applied in, so a catch-up that takes a
	 * message's statuses in two runs ends where one run would. The first {@code %s} adds
	 * statements before (each ending with a comma), the second chooses the kept rows and
	 * recipients. Emits how many kept statuses it took and how many recipients it moved.
	 */
	private static final String APPLY = """
			WITH %s
			taken AS (
			  DELETE FROM broadcast_early_statuses e
			  USING broadcast_recipients r
			  WHERE %s AND r.message_id IS NOT NULL AND r.status_rank > 0
			    AND e.channel = r.channel AND e.message_id = r.message_id
			  RETURNING r.id AS recipient_id, e.state, e.status_rank, e.at, e.error_code, e.error_reason),
			best AS (
			  SELECT DISTINCT ON (recipient_id) recipient_id, state, status_rank, error_code, error_reason
			  FROM taken
			  ORDER BY recipient_id, status_rank DESC),
			times AS (
			  SELECT recipient_id,
			         min(at) FILTER (WHERE state IN ('DELIVERED', 'READ')) AS delivered_at,
			         min(at) FILTER (WHERE state = 'READ') AS read_at,
			         min(at) FILTER (WHERE state = 'FAILED') AS failed_at
			  FROM taken
			  GROUP BY recipient_id),
			moved AS (
			  UPDATE broadcast_recipients r
			  SET state = CASE WHEN b.status_rank > r.status_rank THEN b.state ELSE r.state END,
			      status_rank = GREATEST(r.status_rank, b.status_rank),
			      delivered_at = LEAST(r.delivered_at, t.delivered_at),
			      read_at = LEAST(r.read_at, t.read_at),
			      failed_at = LEAST(r.failed_at, t.failed_at),
			      error_code = CASE WHEN b.state = 'FAILED' AND b.status_rank > r.status_rank THEN b.error_code
			                        ELSE r.error_code END,
			      error_reason = CASE WHEN b.state = 'FAILED' AND b.status_rank > r.status_rank THEN b.error_reason
			                          ELSE r.error_reason END
			  FROM best b JOIN times t ON t.recipient_id = b.recipient_id
			  WHERE r.id = b.recipient_id
			  RETURNING r.id)
			SELECT (SELECT count(*) FROM taken) AS taken, count(*) AS applied FROM moved
			""";

	private static final String FOR_MESSAGE = APPLY.formatted("", "r.channel = :channel AND r.message_id = :messageId");

	private static final String FOR_RECIPIENTS = APPLY.formatted("", "r.id = ANY(CAST(:ids AS bigint[]))");

	/**
	 * The oldest kept statuses since {@code :keptSince} whose message a sent recipient
	 * has, that no other statement holds.
	 */
	private static final String SETTLED = """
			settled AS (
			  SELECT e.channel, e.message_id, e.state
			  FROM broadcast_early_statuses e
			  WHERE e.received_at >= :keptSince
			    AND EXISTS (SELECT 1 FROM broadcast_recipients r
			                WHERE r.channel = e.channel AND r.message_id = e.message_id AND r.status_rank > 0)
			  ORDER BY e.received_at
			  LIMIT :max
			  FOR UPDATE OF e SKIP LOCKED),
			""";

	private static final String CATCH_UP = APPLY.formatted(SETTLED,
			"(e.channel, e.message_id, e.state) IN (SELECT channel, message_id, state FROM settled)");

	private static final String EXPIRE = "DELETE FROM broadcast_early_statuses WHERE received_at < :before";

	private final DatabaseClient db;

	R2dbcEarlyStatuses(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Keeps a status no recipient could take yet (a redelivered one adds nothing), then
	 * applies it if the settle came meanwhile; emits how many recipients moved.
	 */
	Mono<Long> keep(ChatChannel channel, String messageId, RecipientState state, Instant at, @Nullable String code,
			@Nullable String reason, Instant now) {
		return Mono.defer(() -> {
			GenericExecuteSpec spec = this.db.sql(KEEP)
				.bind("channel", channel.name())
				.bind("messageId", messageId)
				.bind("state", state.name())
				.bind("rank", state.rank())
				.bind("at", utc(at))
				.bind("now", utc(now));
			spec = nullable(spec, "code", code, String.class);
			spec = nullable(spec, "reason", reason, String.class);
			return spec.then();
		})
			.then(Mono.defer(() -> this.db.sql(FOR_MESSAGE)
				.bind("channel", channel.name())
				.bind("messageId", messageId)
				.map((row) -> row.get("applied", Long.class))
				.one()));
	}

	/**
	 * Applies what was kept for the messages of these recipients, once their settle is
	 * written; emits how many moved.
	 */
	Mono<Long> applyTo(Collection<Long> recipientIds) {
		if (recipientIds.isEmpty()) {
			return Mono.just(0L);
		}
		return Mono.defer(() -> this.db.sql(FOR_RECIPIENTS)
			.bind("ids", recipientIds.toArray(Long[]::new))
			.map((row) -> row.get("applied", Long.class))
			.one());
	}

	@Override
	public Mono<Long> forgetKeptBefore(Instant before) {
		return Mono.defer(() -> this.db.sql(EXPIRE).bind("before", utc(before)).fetch().rowsUpdated());
	}

	@Override
	public Mono<Long> applySettled(Instant keptSince, int max) {
		return Mono.defer(() -> this.db.sql(CATCH_UP)
			.bind("keptSince", utc(keptSince))
			.bind("max", max)
			.map((row) -> row.get("taken", Long.class))
			.one());
	}

}
