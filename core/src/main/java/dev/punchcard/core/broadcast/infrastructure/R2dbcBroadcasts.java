package dev.punchcard.core.broadcast.infrastructure;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.punchcard.core.broadcast.application.Broadcasts;
import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.BroadcastState;
import dev.punchcard.core.broadcast.domain.ChannelPolicy;
import dev.punchcard.core.broadcast.domain.QuietHours;
import dev.punchcard.core.broadcast.domain.TemplateChoice;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.segment.domain.SegmentId;
import dev.punchcard.core.segment.infrastructure.SegmentSql;
import dev.punchcard.core.shared.domain.StaffId;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link Broadcasts} in {@code broadcasts} and {@code broadcast_recipients}: every
 * change, its effect on the recipients and its {@code audit_log} row in one statement.
 * Starting materialises the audience with one {@code INSERT ... SELECT} over the
 * segment's SQL, so the members never pass through the JVM.
 */
class R2dbcBroadcasts implements Broadcasts {

	private static final String COLUMNS = """
			id, name, segment_id, channel_policy, whatsapp_template_id, whatsapp_use, telegram_template_id,
			telegram_use, scheduled_at, time_zone, quiet_from, quiet_until, state, pause_reason, created_by,
			created_at, updated_by, updated_at, started_at, completed_at""";

	private static final String INSERT = """
			WITH saved AS (
			  INSERT INTO broadcasts (id, name, segment_id, channel_policy, whatsapp_template_id, whatsapp_use,
			                          telegram_template_id, telegram_use, scheduled_at, time_zone, quiet_from, quiet_until,
			                          state, created_by, created_at, updated_by, updated_at)
			  VALUES (:id, :name, :segmentId, :policy, :whatsAppTemplateId, :whatsAppUse, :telegramTemplateId, :telegramUse,
			          :scheduledAt, :timeZone, :quietFrom, :quietUntil, 'DRAFT', :by, :at, :by, :at)
			  RETURNING id),
			audited AS (
			  INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, details)
			  SELECT :auditId, :at, :by, 'broadcast.created', 'broadcast', saved.id::text, CAST(:details AS jsonb)
			  FROM saved)
			SELECT count(*) AS saved FROM saved
			""";

	private static final String MOVE = """
			WITH target AS (
			  SELECT id, state FROM broadcasts WHERE id = :id FOR UPDATE),
			moved AS (
			  UPDATE broadcasts b SET state = :to, pause_reason = CAST(:reason AS text), updated_by = :by, updated_at = :at
			  FROM target t
			  WHERE b.id = t.id AND t.state = ANY(:from)
			  RETURNING b.id),
			cancelled AS (
			  UPDATE broadcast_recipients r SET state = 'CANCELLED', lease_until = NULL
			  WHERE :cancel AND r.broadcast_id IN (SELECT id FROM moved)
			    AND (r.state = 'QUEUED' OR (r.state = 'SENDING' AND r.lease_until <= :at))
			  RETURNING 1),
			audited AS (
			  INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, details)
			  SELECT :auditId, :at, :by, :action, 'broadcast', moved.id::text,
			         jsonb_build_object('from', (SELECT state FROM target), 'to', CAST(:to AS text),
			                            'reason', CAST(:reason AS text), 'cancelledRecipients', (SELECT count(*) FROM cancelled))
			  FROM moved)
			SELECT (SELECT state FROM target) AS before, (SELECT count(*) FROM moved) AS moved
			""";

	/**
	 * Each member once: the chat the policy picks (usable ones first, then the preferred
	 * channel, then the one written from last), skipped with the reason when it cannot
	 * take marketing.
	 */
	private static final String START = """
			WITH target AS (
			  SELECT state FROM broadcasts WHERE id = :id),
			started AS (
			  UPDATE broadcasts SET state = 'RUNNING', started_at = :at, updated_by = :by, updated_at = :at
			  WHERE id = :id AND %s
			  RETURNING id, channel_policy),
			materialised AS (
			  INSERT INTO broadcast_recipients (broadcast_id, customer_id, channel, chat_id, language, state, skip_reason, due_at)
			  SELECT s.id, c.id, pick.channel, pick.chat_id, c.language,
			         CASE WHEN pick.channel IS NULL OR pick.opted_out OR NOT pick.reachable THEN 'SKIPPED' ELSE 'QUEUED' END,
			         CASE WHEN pick.channel IS NULL THEN 'NO_CHANNEL' WHEN pick.opted_out THEN 'OPTED_OUT'
			              WHEN NOT pick.reachable THEN 'UNREACHABLE' END,
			         :at
			  FROM started s CROSS JOIN customers c
			  LEFT JOIN LATERAL (
			    SELECT o.channel, o.chat_id, o.reachable, o.opted_out
			    FROM (SELECT i.id, i.channel, i.chat_id, i.reachable, i.last_seen_at, i.created_at,
			                 EXISTS (SELECT 1 FROM marketing_consents m
			                         WHERE m.channel = i.channel AND m.external_id = i.external_id AND m.opted_out) AS opted_out
			          FROM channel_identities i
			          WHERE i.customer_id = c.id
			            AND (s.channel_policy = 'PREFERRED_WITH_FALLBACK'
			                 OR i.channel = CASE s.channel_policy WHEN 'WHATSAPP_ONLY' THEN 'WHATSAPP' ELSE 'TELEGRAM' END)) o
			    ORDER BY (o.reachable AND NOT o.opted_out) DESC, (o.channel = c.preferred_channel) DESC NULLS LAST,
			             o.last_seen_at DESC NULLS LAST, o.created_at, o.id
			    LIMIT 1) pick ON true
			  WHERE %s
			  ON CONFLICT (broadcast_id, customer_id) DO NOTHING
			  RETURNING state),
			audited AS (
			  INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, details)
			  SELECT :auditId, :at, :by, 'broadcast.started', 'broadcast', s.id::text,
			         jsonb_build_object('from', (SELECT state FROM target), 'to', 'RUNNING',
			                            'recipients', (SELECT count(*) FROM materialised),
			                            'skipped', (SELECT count(*) FROM materialised WHERE state = 'SKIPPED'))
			  FROM started s)
			SELECT (SELECT state FROM target) AS before, (SELECT count(*) FROM started) AS moved
			""";

	private static final String PAUSE_UNSENDABLE = """
			WITH hit AS (
			  SELECT b.id,
			         CASE WHEN b.whatsapp_template_id IS NULL OR (t.status = 'APPROVED' AND t.gone_at IS NULL)
			                THEN 'the Telegram template of the broadcast was deleted'
			              WHEN t.gone_at IS NOT NULL
			                THEN 'the WhatsApp template ' || t.name || ' (' || t.language || ') no longer exists at WhatsApp'
			              WHEN t.status = 'PAUSED'
			                THEN 'WhatsApp paused the template ' || t.name || ' (' || t.language
			                     || ') for low quality (recipients blocked or reported it)'
			              WHEN t.status = 'DISABLED'
			                THEN 'WhatsApp disabled the template ' || t.name || ' (' || t.language || ') for good'
			              ELSE 'the WhatsApp template ' || t.name || ' (' || t.language || ') is ' || t.status
			                   || ' at WhatsApp; only APPROVED templates can be sent' END AS reason
			  FROM broadcasts b LEFT JOIN whatsapp_templates t ON t.id = b.whatsapp_template_id
			  WHERE b.state = 'RUNNING'
			    AND ((b.whatsapp_template_id IS NOT NULL AND (t.status <> 'APPROVED' OR t.gone_at IS NOT NULL))
			         OR (b.telegram_template_id IS NOT NULL
			             AND NOT EXISTS (SELECT 1 FROM telegram_templates tt WHERE tt.id = b.telegram_template_id)))
			  FOR UPDATE OF b SKIP LOCKED),
			paused AS (
			  UPDATE broadcasts b SET state = 'PAUSED', pause_reason = hit.reason, updated_by = NULL, updated_at = :at
			  FROM hit WHERE b.id = hit.id
			  RETURNING b.id, b.pause_reason),
			audited AS (
			  INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, details)
			  SELECT gen_random_uuid(), :at, NULL, 'broadcast.paused', 'broadcast', paused.id::text,
			         jsonb_build_object('from', 'RUNNING', 'to', 'PAUSED', 'reason', paused.pause_reason)
			  FROM paused)
			SELECT count(*) AS paused FROM paused
			""";

	private static final String COMPLETE_FINISHED = """
			WITH finished AS (
			  SELECT b.id FROM broadcasts b
			  WHERE b.state = 'RUNNING'
			    AND NOT EXISTS (SELECT 1 FROM broadcast_recipients r
			                    WHERE r.broadcast_id = b.id AND r.state IN ('QUEUED', 'SENDING'))
			  FOR UPDATE OF b SKIP LOCKED),
			completed AS (
			  UPDATE broadcasts b SET state = 'COMPLETED', completed_at = :at, updated_by = NULL, updated_at = :at
			  FROM finished f WHERE b.id = f.id
			  RETURNING b.id),
			stale AS (
			  UPDATE broadcast_recipients r SET state = 'CANCELLED', lease_until = NULL
			  FROM broadcasts b
			  WHERE b.id = r.broadcast_id AND b.state = 'CANCELLED' AND r.state = 'SENDING' AND r.lease_until <= :at
			  RETURNING 1),
			audited AS (
			  INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, details)
			  SELECT gen_random_uuid(), :at, NULL, 'broadcast.completed', 'broadcast', completed.id::text,
			         jsonb_build_object('from', 'RUNNING', 'to', 'COMPLETED')
			  FROM completed)
			SELECT (SELECT count(*) FROM completed) AS completed, (SELECT count(*) FROM stale) AS stale
			""";

	private final DatabaseClient db;

	private final ObjectMapper json;

	private final UseJson uses;

	R2dbcBroadcasts(DatabaseClient db, ObjectMapper json) {
		this.db = db;
		this.json = json;
		this.uses = new UseJson(json);
	}

	@Override
	public Mono<Broadcast> insert(Broadcast broadcast) {
		GenericExecuteSpec spec = this.db.sql(INSERT)
			.bind("id", broadcast.id().value())
			.bind("name", broadcast.name())
			.bind("policy", broadcast.policy().name())
			.bind("timeZone", broadcast.timeZone().getId())
			.bind("by", broadcast.createdBy().value())
			.bind("at", utc(broadcast.createdAt()))
			.bind("auditId", UUID.randomUUID())
			.bind("details", details(broadcast));
		spec = nullable(spec, "segmentId", (broadcast.segment() == null) ? null : broadcast.segment().value(),
				UUID.class);
		spec = choice(spec, "whatsApp", broadcast.whatsApp());
		spec = choice(spec, "telegram", broadcast.telegram());
		spec = nullable(spec, "scheduledAt", (broadcast.scheduledAt() == null) ? null : utc(broadcast.scheduledAt()),
				OffsetDateTime.class);
		QuietHours quiet = broadcast.quietHours();
		spec = nullable(spec, "quietFrom", (quiet == null) ? null : quiet.from(), LocalTime.class);
		spec = nullable(spec, "quietUntil", (quiet == null) ? null : quiet.until(), LocalTime.class);
		return spec.then().thenReturn(broadcast);
	}

	@Override
	public Mono<Broadcast> find(BroadcastId id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM broadcasts WHERE id = :id")
			.bind("id", id.value())
			.map(this::broadcast)
			.one();
	}

	@Override
	public Flux<Broadcast> page(int offset, int limit) {
		return this.db
			.sql("SELECT " + COLUMNS + " FROM broadcasts ORDER BY created_at DESC, id DESC OFFSET :offset LIMIT :limit")
			.bind("offset", offset)
			.bind("limit", limit)
			.map(this::broadcast)
			.all();
	}

	@Override
	public Mono<Move> move(BroadcastId id, BroadcastState.Action action, @Nullable String reason, @Nullable StaffId by,
			Instant at) {
		BroadcastState to = switch (action) {
			case START -> throw new IllegalArgumentException("a broadcast starts by start(...), not by move(...)");
			case PAUSE -> BroadcastState.PAUSED;
			case RESUME -> BroadcastState.RUNNING;
			case CANCEL -> BroadcastState.CANCELLED;
		};
		String audited = switch (action) {
			case START -> "broadcast.started";
			case PAUSE -> "broadcast.paused";
			case RESUME -> "broadcast.resumed";
			case CANCEL -> "broadcast.cancelled";
		};
		String[] from = action.from().stream().map(Enum::name).toArray(String[]::new);
		return move(id, from, to, reason, by, at, audited, action == BroadcastState.Action.CANCEL);
	}

	@Override
	public Mono<Move> schedule(BroadcastId id, StaffId by, Instant at) {
		return move(id, new String[] { "DRAFT" }, BroadcastState.SCHEDULED, null, by, at, "broadcast.scheduled", false);
	}

	private Mono<Move> move(BroadcastId id, String[] from, BroadcastState to, @Nullable String reason,
			@Nullable StaffId by, Instant at, String action, boolean cancel) {
		GenericExecuteSpec spec = this.db.sql(MOVE)
			.bind("id", id.value())
			.bind("from", from)
			.bind("to", to.name())
			.bind("at", utc(at))
			.bind("action", action)
			.bind("cancel", cancel)
			.bind("auditId", UUID.randomUUID());
		spec = nullable(spec, "by", (by == null) ? null : by.value(), UUID.class);
		return nullable(spec, "reason", reason, String.class).map(R2dbcBroadcasts::move).one();
	}

	@Override
	public Mono<Move> start(BroadcastId id, SegmentFilter audience, @Nullable StaffId by, Instant at) {
		SegmentSql sql = SegmentSql.of(audience, at);
		String due = (by != null) ? "state = 'DRAFT'" : "state = 'SCHEDULED' AND scheduled_at <= :at";
		GenericExecuteSpec spec = this.db.sql(START.formatted(due, sql.where()))
			.bind("id", id.value())
			.bind("at", utc(at))
			.bind("auditId", UUID.randomUUID());
		spec = nullable(spec, "by", (by == null) ? null : by.value(), UUID.class);
		for (var parameter : sql.parameters().entrySet()) {
			spec = spec.bind(parameter.getKey(), parameter.getValue());
		}
		return spec.map(R2dbcBroadcasts::move).one();
	}

	@Override
	public Flux<Broadcast> due(Instant at) {
		return this.db.sql("SELECT " + COLUMNS
				+ " FROM broadcasts WHERE state = 'SCHEDULED' AND scheduled_at <= :at ORDER BY scheduled_at LIMIT 100")
			.bind("at", utc(at))
			.map(this::broadcast)
			.all();
	}

	@Override
	public Mono<Long> pauseUnsendable(Instant at) {
		return this.db.sql(PAUSE_UNSENDABLE).bind("at", utc(at)).map((row) -> row.get("paused", Long.class)).one();
	}

	@Override
	public Mono<Long> completeFinished(Instant at) {
		return this.db.sql(COMPLETE_FINISHED).bind("at", utc(at)).map((row) -> row.get("completed", Long.class)).one();
	}

	private static Move move(Readable row) {
		String before = row.get("before", String.class);
		return new Move((before == null) ? null : BroadcastState.valueOf(before), row.get("moved", Long.class) == 1);
	}

	private GenericExecuteSpec choice(GenericExecuteSpec spec, String channel, @Nullable TemplateChoice choice) {
		GenericExecuteSpec bound = nullable(spec, channel + "TemplateId",
				(choice == null) ? null : choice.templateId().value(), UUID.class);
		return nullable(bound, channel + "Use", (choice == null) ? null : this.uses.write(choice.use()), Json.class);
	}

	private Json details(Broadcast broadcast) {
		ObjectNode details = this.json.createObjectNode()
			.put("name", broadcast.name())
			.put("segmentId", (broadcast.segment() == null) ? null : broadcast.segment().toString())
			.put("channelPolicy", broadcast.policy().name())
			.put("timeZone", broadcast.timeZone().getId());
		if (broadcast.whatsApp() != null) {
			details.put("whatsAppTemplateId", broadcast.whatsApp().templateId().toString());
		}
		if (broadcast.telegram() != null) {
			details.put("telegramTemplateId", broadcast.telegram().templateId().toString());
		}
		if (broadcast.scheduledAt() != null) {
			details.put("scheduledAt", broadcast.scheduledAt().toString());
		}
		if (broadcast.quietHours() != null) {
			details.put("quietFrom", broadcast.quietHours().from().toString())
				.put("quietUntil", broadcast.quietHours().until().toString());
		}
		return Json.of(details.toString());
	}

	private Broadcast broadcast(Readable row) {
		LocalTime quietFrom = row.get("quiet_from", LocalTime.class);
		LocalTime quietUntil = row.get("quiet_until", LocalTime.class);
		UUID segment = row.get("segment_id", UUID.class);
		UUID updatedBy = row.get("updated_by", UUID.class);
		return new Broadcast(new BroadcastId(row.get("id", UUID.class)), row.get("name", String.class),
				(segment == null) ? null : new SegmentId(segment),
				ChannelPolicy.valueOf(row.get("channel_policy", String.class)), choice(row, "whatsapp"),
				choice(row, "telegram"), instant(row, "scheduled_at"), ZoneId.of(row.get("time_zone", String.class)),
				(quietFrom == null || quietUntil == null) ? null : new QuietHours(quietFrom, quietUntil),
				BroadcastState.valueOf(row.get("state", String.class)), row.get("pause_reason", String.class),
				new StaffId(row.get("created_by", UUID.class)), instant(row, "created_at"),
				(updatedBy == null) ? null : new StaffId(updatedBy), instant(row, "updated_at"),
				instant(row, "started_at"), instant(row, "completed_at"));
	}

	private @Nullable TemplateChoice choice(Readable row, String channel) {
		UUID template = row.get(channel + "_template_id", UUID.class);
		Json use = row.get(channel + "_use", Json.class);
		return (template == null || use == null) ? null
				: new TemplateChoice(new TemplateId(template), this.uses.read(use));
	}

	static @Nullable Instant instant(Readable row, String column) {
		OffsetDateTime at = row.get(column, OffsetDateTime.class);
		return (at == null) ? null : at.toInstant();
	}

	static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

	static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, @Nullable T value, Class<T> type) {
		return (value == null) ? spec.bindNull(name, type) : spec.bind(name, value);
	}

}
