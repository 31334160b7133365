package dev.punchcard.core.broadcast.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.punchcard.core.broadcast.application.BroadcastWork;
import dev.punchcard.core.broadcast.application.ClaimedRecipient;
import dev.punchcard.core.broadcast.application.SendResult;
import dev.punchcard.core.broadcast.application.Settlement;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static dev.punchcard.core.broadcast.infrastructure.R2dbcBroadcasts.nullable;
import static dev.punchcard.core.broadcast.infrastructure.R2dbcBroadcasts.utc;

/**
 * {@link BroadcastWork} on {@code broadcast_recipients}: a claim is one statement that
 * locks due rows with {@code FOR UPDATE SKIP LOCKED} (claims whose lease ended first,
 * then queued ones by due time) and marks them SENDING under a lease; a settle changes
 * the row only while it is still SENDING under that same lease.
 */
class R2dbcBroadcastWork implements BroadcastWork {

	/**
	 * The broadcast is running, its template can be sent on the channel, and its time
	 * zone's local time is outside its quiet hours.
	 */
	private static final String SENDABLE = """
			b.state = 'RUNNING'
			AND (b.quiet_from IS NULL OR NOT CASE
			      WHEN b.quiet_from < b.quiet_until
			        THEN (:now AT TIME ZONE b.time_zone)::time >= b.quiet_from
			             AND (:now AT TIME ZONE b.time_zone)::time < b.quiet_until
			      ELSE (:now AT TIME ZONE b.time_zone)::time >= b.quiet_from
			           OR (:now AT TIME ZONE b.time_zone)::time < b.quiet_until END)
			AND CASE WHEN r.channel = 'WHATSAPP'
			      THEN EXISTS (SELECT 1 FROM whatsapp_templates t
			                   WHERE t.id = b.whatsapp_template_id AND t.status = 'APPROVED' AND t.gone_at IS NULL)
			      ELSE EXISTS (SELECT 1 FROM telegram_templates t WHERE t.id = b.telegram_template_id) END""";

	private static final String CLAIM = """
			WITH expired AS (
			  SELECT r.id FROM broadcast_recipients r JOIN broadcasts b ON b.id = r.broadcast_id
			  WHERE r.channel = :channel AND r.state = 'SENDING' AND r.lease_until <= :now AND %1$s
			  ORDER BY r.lease_until
			  LIMIT :max
			  FOR UPDATE OF r SKIP LOCKED),
			queued AS (
			  SELECT r.id FROM broadcast_recipients r JOIN broadcasts b ON b.id = r.broadcast_id
			  WHERE r.channel = :channel AND r.state = 'QUEUED' AND r.due_at <= :now AND %1$s
			  ORDER BY r.due_at, r.id
			  LIMIT :max
			  FOR UPDATE OF r SKIP LOCKED),
			claimable AS (
			  SELECT id FROM (SELECT id, 0 AS pass FROM expired UNION ALL SELECT id, 1 FROM queued) both_kinds
			  ORDER BY pass
			  LIMIT :max)
			UPDATE broadcast_recipients r
			SET state = 'SENDING', lease_until = :leaseUntil, attempts = r.attempts + 1
			FROM claimable c, broadcasts b
			WHERE r.id = c.id AND b.id = r.broadcast_id
			RETURNING r.id, r.broadcast_id, r.customer_id, r.channel, r.chat_id, r.language, r.attempts, r.lease_until,
			          CASE WHEN r.channel = 'WHATSAPP' THEN b.whatsapp_template_id ELSE b.telegram_template_id END
			            AS template_id,
			          CASE WHEN r.channel = 'WHATSAPP' THEN b.whatsapp_use ELSE b.telegram_use END AS template_use
			""".formatted(SENDABLE);

	private static final String SETTLE = """
			WITH settled AS (
			  UPDATE broadcast_recipients
			  SET state = :state,
			      due_at = COALESCE(CAST(:dueAt AS timestamptz), due_at),
			      lease_until = NULL,
			      message_id = COALESCE(CAST(:messageId AS text), message_id),
			      skip_reason = CAST(:skipReason AS text),
			      error_code = COALESCE(CAST(:errorCode AS text), error_code),
			      error_reason = COALESCE(CAST(:errorReason AS text), error_reason),
			      attempts = CASE WHEN :attemptCounts THEN attempts ELSE GREATEST(attempts - 1, 0) END,
			      sent_at = CASE WHEN :state = 'SENT' THEN :now ELSE sent_at END,
			      failed_at = CASE WHEN :state = 'FAILED' THEN :now ELSE failed_at END,
			      status_rank = CASE WHEN :state = 'SENT' THEN 1 WHEN :state = 'FAILED' THEN 4 ELSE status_rank END
			  WHERE id = :id AND state = 'SENDING' AND lease_until = :leaseUntil
			  RETURNING broadcast_id),
			paused AS (
			  UPDATE broadcasts b
			  SET state = 'PAUSED', pause_reason = CAST(:pauseReason AS text), updated_by = NULL, updated_at = :now
			  FROM settled s
			  WHERE CAST(:pauseReason AS text) IS NOT NULL AND b.id = s.broadcast_id AND b.state = 'RUNNING'
			  RETURNING b.id, b.pause_reason),
			audited AS (
			  INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, details)
			  SELECT :auditId, :now, NULL, 'broadcast.paused', 'broadcast', paused.id::text,
			         jsonb_build_object('from', 'RUNNING', 'to', 'PAUSED', 'reason', paused.pause_reason)
			  FROM paused)
			SELECT count(*) AS settled FROM settled
			""";

	private final DatabaseClient db;

	private final UseJson uses;

	private final Clock clock;

	private final BroadcastProperties properties;

	R2dbcBroadcastWork(DatabaseClient db, UseJson uses, Clock clock, BroadcastProperties properties) {
		this.db = db;
		this.uses = uses;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public Flux<ClaimedRecipient> claim(ChatChannel channel, int max, Duration lease) {
		if (max < 1 || lease.isNegative() || lease.isZero() || lease.compareTo(this.properties.maxLease()) > 0) {
			return Flux.error(() -> new IllegalArgumentException("a claim takes 1 or more recipients for a lease up to "
					+ this.properties.maxLease() + ": " + max + ", " + lease));
		}
		return Flux.defer(() -> {
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
			return this.db.sql(CLAIM)
				.bind("channel", channel.name())
				.bind("now", utc(now))
				.bind("leaseUntil", utc(now.plus(lease)))
				.bind("max", Math.min(max, this.properties.maxClaim()))
				.map(this::claimed)
				.all();
		});
	}

	@Override
	public Mono<Boolean> settle(ClaimedRecipient recipient, SendResult result) {
		return Mono.defer(() -> {
			Settlement settlement = Settlement.of(result);
			GenericExecuteSpec spec = this.db.sql(SETTLE)
				.bind("id", recipient.recipientId())
				.bind("leaseUntil", utc(recipient.leaseUntil()))
				.bind("state", settlement.state().name())
				.bind("attemptCounts", settlement.attemptCounts())
				.bind("now", utc(this.clock.instant()))
				.bind("auditId", UUID.randomUUID());
			spec = nullable(spec, "dueAt", (settlement.dueAt() == null) ? null : utc(settlement.dueAt()),
					OffsetDateTime.class);
			spec = nullable(spec, "messageId", settlement.messageId(), String.class);
			spec = nullable(spec, "skipReason", settlement.skipReason(), String.class);
			spec = nullable(spec, "errorCode", settlement.errorCode(), String.class);
			spec = nullable(spec, "errorReason", settlement.errorReason(), String.class);
			spec = nullable(spec, "pauseReason", settlement.pauseReason(), String.class);
			return spec.map((row) -> row.get("settled", Long.class) == 1).one();
		});
	}

	private ClaimedRecipient claimed(Readable row) {
		BroadcastId broadcast = new BroadcastId(row.get("broadcast_id", UUID.class));
		return new ClaimedRecipient(row.get("id", Long.class), broadcast,
				new CustomerId(row.get("customer_id", UUID.class)),
				ChatChannel.valueOf(row.get("channel", String.class)), row.get("chat_id", String.class),
				row.get("language", String.class), new TemplateId(row.get("template_id", UUID.class)),
				this.uses.read(row.get("template_use", Json.class)), "broadcast:" + broadcast,
				row.get("attempts", Integer.class), row.get("lease_until", OffsetDateTime.class).toInstant());
	}

}
