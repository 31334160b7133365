package dev.punchcard.core.broadcast.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.broadcast.application.BroadcastTracking.Delivery;
import dev.punchcard.core.broadcast.application.CatchUpEarlyStatuses;
import dev.punchcard.core.broadcast.application.CatchUpEarlyStatuses.CatchUp;
import dev.punchcard.core.broadcast.application.ClaimedRecipient;
import dev.punchcard.core.broadcast.application.SendResult;
import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.ChannelPolicy;
import dev.punchcard.core.broadcast.domain.RecipientState;
import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.support.TestClock;
import dev.punchcard.core.support.TestDatabases;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catch-up of early statuses on PostgreSQL: statuses that came before their send was
 * settled, whose settle wrote the message id but could not apply them (its apply fails
 * here, as when the connection drops between the two statements), are applied by the
 * catch-up by rank, once however many run at once, and those past their time to live are
 * forgotten unapplied.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class EarlyStatusCatchUpIT {

	private static final Instant NOW = TestClock.NOW;

	private static final Duration LEASE = Duration.ofSeconds(30);

	private static final Duration TTL = Duration.ofHours(1);

	private final BroadcastProperties properties = new BroadcastProperties(true, Duration.ofSeconds(5), 1000,
			Duration.ofMinutes(10), 1000, 500, TTL,
			new BroadcastProperties.EarlyStatusCatchUp(true, Duration.ofSeconds(30), 1000));

	private DatabaseClient db;

	private MovableClock clock;

	private BroadcastTables tables;

	private R2dbcBroadcastTracking tracking;

	/**
	 * Settles whose own apply of the kept statuses fails after the message id is written.
	 */
	private R2dbcBroadcastWork failingSettles;

	@BeforeEach
	void emptyTables() {
		this.db = TestDatabases.forModule("core").client();
		this.clock = new MovableClock(NOW);
		this.tables = new BroadcastTables(this.db, NOW);
		this.tracking = new R2dbcBroadcastTracking(this.db, this.clock, new R2dbcEarlyStatuses(this.db));
		this.failingSettles = new R2dbcBroadcastWork(this.db, new UseJson(new ObjectMapper()), this.clock,
				this.properties, new R2dbcEarlyStatuses(this.db) {
					@Override
					Mono<Long> applyTo(Collection<Long> recipientIds) {
						return Mono.error(() -> new IllegalStateException("the connection dropped"));
					}
				});
	}

	@Test
	void should_apply_a_kept_status_whose_settle_could_not_apply_it_when_the_catch_up_runs() {
		List<ClaimedRecipient> claimed = startAndClaim(2);
		early("wamid.A", Delivery.DELIVERED, NOW.plusSeconds(1), null);
		early("wamid.waiting", Delivery.READ, NOW.plusSeconds(1), null);

		settleWithoutApplying(claimed.get(0), "wamid.A");

		assertThat(row("wamid.A")).as("the settle wrote the message id, not the status").isEqualTo("SENT null null");
		assertThat(kept()).isEqualTo(2);

		assertThat(catchUp(100).run().block()).isEqualTo(new CatchUp(1, 0));

		assertThat(row("wamid.A")).isEqualTo("DELIVERED " + NOW.plusSeconds(1) + " null");
		assertThat(text("SELECT string_agg(message_id, ',') FROM broadcast_early_statuses"))
			.as("a status whose send is not settled yet waits for its settle")
			.isEqualTo("wamid.waiting");
		assertThat(catchUp(100).run().block()).as("nothing twice").isEqualTo(new CatchUp(0, 0));
	}

	@RepeatedTest(3)
	void should_apply_each_kept_status_once_when_two_catch_ups_run_at_once() {
		int members = 300;
		List<ClaimedRecipient> claimed = startAndClaim(members);
		Instant at = NOW.plusSeconds(1);
		// per member i, kept before its settle: READ and DELIVERED (i % 3 = 0), DELIVERED
		// (1), DELIVERED and FAILED (2); then the instance settled them all and stopped
		// before it applied any
		this.tables
			.sql("""
					INSERT INTO broadcast_early_statuses
					  (channel, message_id, state, status_rank, at, error_code, error_reason, received_at)
					SELECT 'WHATSAPP', 'wamid.' || i, s.state, s.status_rank, TIMESTAMPTZ '%1$s' + s.after,
					       CASE WHEN s.state = 'FAILED' THEN '131026' END, CASE WHEN s.state = 'FAILED' THEN 'undeliverable' END,
					       TIMESTAMPTZ '%2$s' + i * INTERVAL '1 millisecond'
					FROM generate_series(0, %3$d - 1) i
					JOIN (VALUES (0, 'READ', 3, INTERVAL '1 second'), (0, 'DELIVERED', 2, INTERVAL '0 seconds'),
					             (1, 'DELIVERED', 2, INTERVAL '0 seconds'),
					             (2, 'DELIVERED', 2, INTERVAL '0 seconds'), (2, 'FAILED', 4, INTERVAL '2 seconds'))
					     AS s(kind, state, status_rank, after) ON s.kind = i %% 3
					"""
				.formatted(at, NOW, members));
		this.tables.sql("""
				UPDATE broadcast_recipients r
				SET state = 'SENT', status_rank = 1, lease_until = NULL, sent_at = TIMESTAMPTZ '%s',
				    message_id = 'wamid.' || (n.rn - 1)
				FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM broadcast_recipients) n
				WHERE r.id = n.id AND r.state = 'SENDING'
				""".formatted(NOW));
		assertThat(kept()).isEqualTo(500);

		List<CatchUp> runs = Flux.just(catchUp(10), catchUp(10))
			.flatMap((catchUp) -> catchUp.run().subscribeOn(Schedulers.parallel()), 2)
			.collectList()
			.block(Duration.ofMinutes(1));

		assertThat(runs.stream().mapToLong(CatchUp::applied).sum()).as("each kept status applied by one run")
			.isEqualTo(500);
		assertThat(kept()).isZero();
		assertThat(byState(claimed.get(0).broadcastId())).as("the broadcast's progress counts")
			.isEqualTo(Map.of(RecipientState.READ, 100L, RecipientState.DELIVERED, 100L, RecipientState.FAILED, 100L));
		assertThat(
				count("SELECT count(*) FROM broadcast_recipients WHERE state = 'READ' AND delivered_at = TIMESTAMPTZ '"
						+ at + "' AND read_at = TIMESTAMPTZ '" + at.plusSeconds(1) + "'"))
			.isEqualTo(100);
		assertThat(count("SELECT count(*) FROM broadcast_recipients WHERE state = 'FAILED' AND error_code = '131026'"
				+ " AND failed_at = TIMESTAMPTZ '" + at.plusSeconds(2) + "'"))
			.isEqualTo(100);
	}

	@Test
	void should_forget_a_kept_status_past_its_ttl_without_applying_it_when_its_send_was_settled_since() {
		List<ClaimedRecipient> claimed = startAndClaim(2);
		early("wamid.stale", Delivery.READ, NOW.plusSeconds(1), null);
		settleWithoutApplying(claimed.get(0), "wamid.stale");
		this.clock.advance(TTL.plusSeconds(1));
		early("wamid.fresh", Delivery.READ, this.clock.instant(), null);
		settleWithoutApplying(claimed.get(1), "wamid.fresh");

		assertThat(catchUp(100).run().block()).isEqualTo(new CatchUp(1, 1));

		assertThat(row("wamid.stale")).isEqualTo("SENT null null");
		assertThat(row("wamid.fresh")).startsWith("READ ");
		assertThat(kept()).isZero();
	}

	@Test
	void should_never_move_a_recipient_back_when_a_kept_status_ranks_below_what_it_reached_since() {
		List<ClaimedRecipient> claimed = startAndClaim(3);
		Instant at = NOW.plusSeconds(1);
		// kept out of order: read then delivered; read comes through directly later
		early("wamid.both", Delivery.READ, at.plusSeconds(5), null);
		early("wamid.both", Delivery.DELIVERED, at, null);
		early("wamid.behind", Delivery.DELIVERED, at, null);
		early("wamid.failed", Delivery.FAILED, at, "131049");
		settleWithoutApplying(claimed.get(0), "wamid.both");
		settleWithoutApplying(claimed.get(1), "wamid.behind");
		settleWithoutApplying(claimed.get(2), "wamid.failed");
		// a read that came after the settle, straight to its recipient, before the
		// catch-up
		assertThat(this.tracking
			.recordStatus(ChatChannel.WHATSAPP, "wamid.behind", Delivery.READ, at.plusSeconds(9), null, null)
			.block()).isTrue();
		assertThat(this.tracking
			.recordStatus(ChatChannel.WHATSAPP, "wamid.failed", Delivery.READ, at.plusSeconds(9), null, null)
			.block()).isTrue();

		assertThat(catchUp(100).run().block()).isEqualTo(new CatchUp(4, 0));

		assertThat(row("wamid.both")).isEqualTo("READ " + at + " " + at.plusSeconds(5));
		assertThat(row("wamid.behind"))
			.as("a delivered kept below a read stays read, and dates the delivery it reported earlier")
			.isEqualTo("READ " + at + " " + at.plusSeconds(9));
		assertThat(text("SELECT state || ' ' || error_code || ' ' || error_reason"
				+ " FROM broadcast_recipients WHERE message_id = 'wamid.failed'"))
			.as("failed ranks above read, as statuses that come in order")
			.isEqualTo("FAILED 131049 undeliverable");
	}

	// --- helpers ---------------------------------------------------------------

	private List<ClaimedRecipient> startAndClaim(int members) {
		this.tables.members("f", members, 50_000);
		this.tables.chats("f", "WHATSAPP", "true", true, null);
		Broadcast broadcast = this.tables.broadcast(ChannelPolicy.WHATSAPP_ONLY, NOW, null, null, "UTC");
		R2dbcBroadcasts broadcasts = new R2dbcBroadcasts(this.db, new ObjectMapper());
		broadcasts.insert(broadcast).block();
		assertThat(
				broadcasts.start(broadcast.id(), SegmentFilter.everyone(), this.tables.marketer, NOW).block().moved())
			.isTrue();
		List<ClaimedRecipient> claimed = this.failingSettles.claim(ChatChannel.WHATSAPP, members, LEASE)
			.sort((a, b) -> Long.compare(a.recipientId(), b.recipientId()))
			.collectList()
			.block();
		assertThat(claimed).hasSize(members);
		return claimed;
	}

	/** The settle writes the message id, then its apply of what was kept fails. */
	private void settleWithoutApplying(ClaimedRecipient recipient, String wamid) {
		assertThatThrownBy(() -> this.failingSettles.settle(recipient, new SendResult.Sent(wamid)).block())
			.hasMessageContaining("the connection dropped");
	}

	/** A marked status whose message no recipient has yet: kept. */
	private void early(String wamid, Delivery state, Instant at, @Nullable String code) {
		assertThat(this.tracking
			.recordBroadcastStatus(ChatChannel.WHATSAPP, wamid, state, at, code,
					(code == null) ? null : "undeliverable")
			.block()).isTrue();
	}

	private CatchUpEarlyStatuses catchUp(int batch) {
		return new CatchUpEarlyStatuses(new R2dbcEarlyStatuses(this.db), TTL, batch, this.clock);
	}

	/** The recipient's state, delivery and read times ({@code null} when unset). */
	private String row(String wamid) {
		return this.db.sql("SELECT state, delivered_at, read_at FROM broadcast_recipients WHERE message_id = :wamid")
			.bind("wamid", wamid)
			.map((row) -> row.get("state", String.class) + " " + instant(row.get("delivered_at", OffsetDateTime.class))
					+ " " + instant(row.get("read_at", OffsetDateTime.class)))
			.one()
			.block();
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
		return (at == null) ? null : at.toInstant();
	}

	private Map<RecipientState, Long> byState(BroadcastId broadcast) {
		Map<RecipientState, Long> byState = new HashMap<>();
		new R2dbcBroadcastReads(this.db).tally(broadcast, this.clock.instant())
			.block()
			.counts()
			.forEach((tally) -> byState.merge(tally.state(), tally.count(), Long::sum));
		return byState;
	}

	private long kept() {
		return count("SELECT count(*) FROM broadcast_early_statuses");
	}

	private long count(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block();
	}

	private String text(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, String.class)).one().block();
	}

}
