package dev.punchcard.core.broadcast.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.punchcard.core.broadcast.application.BroadcastWork;
import dev.punchcard.core.broadcast.application.ClaimedRecipient;
import dev.punchcard.core.broadcast.application.SendResult;
import dev.punchcard.core.broadcast.application.Settlement;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.shared.batching.GroupCommit;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static dev.punchcard.core.broadcast.infrastructure.R2dbcBroadcasts.utc;

/**
 * {@link BroadcastWork} on {@code broadcast_recipients}: a claim is one statement that
 * locks due rows with {@code FOR UPDATE SKIP LOCKED} (claims whose lease ended first,
 * then queued ones by due time) and marks them SENDING under a lease; a settle changes
 * the row only while it is still SENDING under that same lease, and a sent one then takes
 * the statuses that came before it ({@link R2dbcEarlyStatuses}).
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

	/**
	 * Settles a pause: the recipient back to the queue untouched (its attempt not
	 * counted) and its broadcast PAUSED with the reason, audited as the service's.
	 */
	private static final String SETTLE_PAUSE = """
			WITH settled AS (
			  UPDATE broadcast_recipients
			  SET state = 'QUEUED', lease_until = NULL, skip_reason = NULL, attempts = GREATEST(attempts - 1, 0)
			  WHERE id = :id AND state = 'SENDING' AND lease_until = :leaseUntil
			  RETURNING broadcast_id),
			paused AS (
			  UPDATE broadcasts b
			  SET state = 'PAUSED', pause_reason = :pauseReason, updated_by = NULL, updated_at = :now
			  FROM settled s
			  WHERE b.id = s.broadcast_id AND b.state = 'RUNNING'
			  RETURNING b.id, b.pause_reason),
			audited AS (
			  INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, details)
			  SELECT :auditId, :now, NULL, 'broadcast.paused', 'broadcast', paused.id::text,
			         jsonb_build_object('from', 'RUNNING', 'to', 'PAUSED', 'reason', paused.pause_reason)
			  FROM paused)
			SELECT count(*) AS settled FROM settled
			""";

	/**
	 * Settles a group of recipients in one statement (every result but a pause, which
	 * also moves its broadcast): one row per recipient of the group, and the ids of those
	 * whose claim still held.
	 */
	private static final String SETTLE_GROUP = """
			UPDATE broadcast_recipients r
			SET state = u.state,
			    due_at = COALESCE(u.due_at, r.due_at),
			    lease_until = NULL,
			    message_id = COALESCE(u.message_id, r.message_id),
			    skip_reason = u.skip_reason,
			    error_code = COALESCE(u.error_code, r.error_code),
			    error_reason = COALESCE(u.error_reason, r.error_reason),
			    attempts = CASE WHEN u.attempt_counts THEN r.attempts ELSE GREATEST(r.attempts - 1, 0) END,
			    sent_at = CASE WHEN u.state = 'SENT' THEN CAST(:now AS timestamptz) ELSE r.sent_at END,
			    failed_at = CASE WHEN u.state = 'FAILED' THEN CAST(:now AS timestamptz) ELSE r.failed_at END,
			    status_rank = CASE WHEN u.state = 'SENT' THEN 1 WHEN u.state = 'FAILED' THEN 4 ELSE r.status_rank END
			FROM unnest(CAST(:ids AS bigint[]), CAST(:leases AS timestamptz[]), CAST(:states AS text[]),
			            CAST(:dueAts AS timestamptz[]), CAST(:messageIds AS text[]), CAST(:skipReasons AS text[]),
			            CAST(:errorCodes AS text[]), CAST(:errorReasons AS text[]), CAST(:attemptCounts AS boolean[]))
			     AS u(id, lease_until, state, due_at, message_id, skip_reason, error_code, error_reason, attempt_counts)
			WHERE r.id = u.id AND r.state = 'SENDING' AND r.lease_until = u.lease_until
			RETURNING r.id, u.lease_until
			""";

	/** The most settles written by one statement. */
	private static final int MAX_GROUP = 500;

	private static final Duration GROUP_WRITE_TIMEOUT = Duration.ofSeconds(30);

	private final DatabaseClient db;

	private final GroupCommit<Settle, Boolean> settles;

	private final GroupCommit<Long, Long> earlyApplies;

	private final R2dbcEarlyStatuses early;

	private final UseJson uses;

	private final Clock clock;

	private final BroadcastProperties properties;

	R2dbcBroadcastWork(DatabaseClient db, UseJson uses, Clock clock, BroadcastProperties properties,
			R2dbcEarlyStatuses early) {
		this.db = db;
		this.uses = uses;
		this.clock = clock;
		this.properties = properties;
		this.early = early;
		this.settles = new GroupCommit<>(this::settleAll, MAX_GROUP, GROUP_WRITE_TIMEOUT);
		this.earlyApplies = new GroupCommit<>(this::applyEarly, MAX_GROUP, GROUP_WRITE_TIMEOUT);
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

	/**
	 * A pause settles alone (it also pauses the broadcast); every other result is written
	 * with those settled meanwhile on this instance, in one statement
	 * ({@link GroupCommit}: alone at low load, a fraction of a statement each under
	 * load).
	 */
	@Override
	public Mono<Boolean> settle(ClaimedRecipient recipient, SendResult result) {
		if (result instanceof SendResult.Sent) {
			return Mono.defer(() -> this.settles.submit(new Settle(recipient, Settlement.of(result))))
				.flatMap((settled) -> settled ? statusesCameEarly(recipient).thenReturn(true) : Mono.just(false));
		}
		if (!(result instanceof SendResult.PauseBroadcast)) {
			return Mono.defer(() -> this.settles.submit(new Settle(recipient, Settlement.of(result))));
		}
		return Mono.defer(() -> this.db.sql(SETTLE_PAUSE)
			.bind("id", recipient.recipientId())
			.bind("leaseUntil", utc(recipient.leaseUntil()))
			.bind("pauseReason", Settlement.of(result).pauseReason())
			.bind("now", utc(this.clock.instant()))
			.bind("auditId", UUID.randomUUID())
			.map((row) -> row.get("settled", Long.class) == 1)
			.one());
	}

	/**
	 * Applies the statuses that came before the settle recorded the message id: after it
	 * is written, grouped like the settles (a second statement per group, written while
	 * the next group of settles is).
	 */
	private Mono<Long> statusesCameEarly(ClaimedRecipient recipient) {
		return this.earlyApplies.submit(recipient.recipientId());
	}

	private Mono<List<Long>> applyEarly(List<Long> recipientIds) {
		return this.early.applyTo(new LinkedHashSet<>(recipientIds))
			.map((applied) -> Collections.nCopies(recipientIds.size(), applied));
	}

	private Mono<List<Boolean>> settleAll(List<Settle> group) {
		// one claim settled twice in a group is settled by the first (a row is updated
		// once per statement); a stale claim beside the current one of the same recipient
		// does not match its lease, so only the current one joins
		Map<String, Settle> byClaim = new LinkedHashMap<>();
		for (Settle settle : group) {
			byClaim.putIfAbsent(settle.claim(), settle);
		}
		Collection<Settle> rows = byClaim.values();
		return this.db.sql(SETTLE_GROUP)
			.bind("ids", rows.stream().map((settle) -> settle.recipient().recipientId()).toArray(Long[]::new))
			.bind("leases",
					rows.stream().map((settle) -> utc(settle.recipient().leaseUntil())).toArray(OffsetDateTime[]::new))
			.bind("states", rows.stream().map((settle) -> settle.settlement().state().name()).toArray(String[]::new))
			.bind("dueAts", rows.stream()
				.map((settle) -> (settle.settlement().dueAt() == null) ? null : utc(settle.settlement().dueAt()))
				.toArray(OffsetDateTime[]::new))
			.bind("messageIds", rows.stream().map((settle) -> settle.settlement().messageId()).toArray(String[]::new))
			.bind("skipReasons", rows.stream().map((settle) -> settle.settlement().skipReason()).toArray(String[]::new))
			.bind("errorCodes", rows.stream().map((settle) -> settle.settlement().errorCode()).toArray(String[]::new))
			.bind("errorReasons",
					rows.stream().map((settle) -> settle.settlement().errorReason()).toArray(String[]::new))
			.bind("attemptCounts",
					rows.stream().map((settle) -> settle.settlement().attemptCounts()).toArray(Boolean[]::new))
			.bind("now", utc(this.clock.instant()))
			.map((row) -> row.get("id", Long.class) + "@" + row.get("lease_until", OffsetDateTime.class).toInstant())
			.all()
			.collect(Collectors.toSet())
			.map((settled) -> {
				Set<Settle> firsts = Collections.newSetFromMap(new IdentityHashMap<>());
				firsts.addAll(rows);
				return group.stream()
					.map((settle) -> firsts.contains(settle) && settled.contains(settle.claim()))
					.toList();
			});
	}

	/** One recipient's settlement waiting for its group's statement. */
	private record Settle(ClaimedRecipient recipient, Settlement settlement) {

		/** The claim settled: the recipient under its lease. */
		String claim() {
			return this.recipient.recipientId() + "@" + this.recipient.leaseUntil();
		}

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
