package dev.punchcard.core.broadcast.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.broadcast.application.BroadcastCatalog;
import dev.punchcard.core.broadcast.application.BroadcastReads.Tally;
import dev.punchcard.core.broadcast.application.BroadcastTracking.Delivery;
import dev.punchcard.core.broadcast.application.BroadcastView;
import dev.punchcard.core.broadcast.application.Broadcasts.Move;
import dev.punchcard.core.broadcast.application.ClaimedRecipient;
import dev.punchcard.core.broadcast.application.RecipientQuery;
import dev.punchcard.core.broadcast.application.RecipientRow;
import dev.punchcard.core.broadcast.application.RunBroadcastSchedule;
import dev.punchcard.core.broadcast.application.SendResult;
import dev.punchcard.core.broadcast.application.SkipReason;
import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.BroadcastState;
import dev.punchcard.core.broadcast.domain.BroadcastState.Action;
import dev.punchcard.core.broadcast.domain.ChannelPolicy;
import dev.punchcard.core.broadcast.domain.RecipientState;
import dev.punchcard.core.segment.application.InMemorySegments;
import dev.punchcard.core.segment.application.Segment;
import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.support.TestClock;
import dev.punchcard.core.support.TestDatabases;
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

/**
 * Broadcasts on PostgreSQL: the audience materialised in SQL with the channel policy and
 * the skips, claims shared by concurrent claimers with no recipient twice, lease
 * takeover, guarded settles, pause, resume and cancel halfway, statuses out of order,
 * quiet hours, the schedule once across instances and templates that stop being sendable.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class R2dbcBroadcastsIT {

	private static final Instant NOW = TestClock.NOW;

	private static final Duration LEASE = Duration.ofSeconds(30);

	private static final int MEMBERS = 2_000;

	private final BroadcastProperties properties = new BroadcastProperties(true, Duration.ofSeconds(5), 1000,
			Duration.ofMinutes(10), 1000, 500, Duration.ofHours(1),
			new BroadcastProperties.EarlyStatusCatchUp(true, Duration.ofSeconds(30), 1000));

	private DatabaseClient db;

	private MovableClock clock;

	private BroadcastTables tables;

	private R2dbcBroadcasts broadcasts;

	private R2dbcBroadcastWork work;

	private R2dbcBroadcastTracking tracking;

	private R2dbcBroadcastReads reads;

	@BeforeEach
	void emptyTables() {
		this.db = TestDatabases.forModule("core").client();
		this.clock = new MovableClock(NOW);
		this.tables = new BroadcastTables(this.db, NOW);
		ObjectMapper json = new ObjectMapper();
		this.broadcasts = new R2dbcBroadcasts(this.db, json);
		this.work = worker();
		this.tracking = new R2dbcBroadcastTracking(this.db, this.clock, new R2dbcEarlyStatuses(this.db));
		this.reads = new R2dbcBroadcastReads(this.db);
	}

	@Test
	void should_materialise_each_member_once_on_the_policy_channel_and_skip_with_reasons_when_started() {
		aPopulationOnBothChannels();
		Broadcast broadcast = draft(ChannelPolicy.PREFERRED_WITH_FALLBACK);

		Move move = this.broadcasts.start(broadcast.id(), SegmentFilter.everyone(), this.tables.marketer, NOW).block();

		assertThat(move).isEqualTo(new Move(BroadcastState.DRAFT, true));
		Map<String, Long> expected = expectedPreferred();
		assertThat(recipientsByKind(broadcast.id())).isEqualTo(expected);
		assertThat(count("SELECT count(DISTINCT customer_id) FROM broadcast_recipients")).isEqualTo(MEMBERS - 1);
		assertThat(this.broadcasts.find(broadcast.id()).block().state()).isEqualTo(BroadcastState.RUNNING);
		assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'broadcast.started' AND actor_id IS NOT NULL"
				+ " AND (details->>'recipients')::int = " + (MEMBERS - 1)))
			.isEqualTo(1);
		// started again: refused, nothing written twice
		assertThat(this.broadcasts.start(broadcast.id(), SegmentFilter.everyone(), this.tables.marketer, NOW).block())
			.isEqualTo(new Move(BroadcastState.RUNNING, false));
		assertThat(count("SELECT count(*) FROM broadcast_recipients")).isEqualTo(MEMBERS - 1);
	}

	@Test
	void should_give_members_without_a_chat_on_the_only_channel_no_channel_when_the_policy_is_one_channel() {
		aPopulationOnBothChannels();
		Broadcast broadcast = draft(ChannelPolicy.TELEGRAM_ONLY);

		this.broadcasts.start(broadcast.id(), SegmentFilter.everyone(), this.tables.marketer, NOW).block();

		Map<String, Long> kinds = recipientsByKind(broadcast.id());
		// members 0, 4, 8, ... have WhatsApp only; the ten last have no chat; 1000 is
		// blocked
		assertThat(kinds.get("SKIPPED/null/NO_CHANNEL")).isEqualTo(497 + 10);
		assertThat(kinds.keySet()).allMatch((kind) -> !kind.contains("WHATSAPP"));
		// the Telegram chat that blocked the bot is unreachable, not replaced by WhatsApp
		assertThat(kinds.get("SKIPPED/TELEGRAM/UNREACHABLE")).isEqualTo(50 + 50);
	}

	@Test
	void should_never_give_one_recipient_to_two_claimers_when_they_claim_in_parallel() {
		aPopulationOnBothChannels();
		Broadcast broadcast = started(ChannelPolicy.PREFERRED_WITH_FALLBACK);
		long queuedOnWhatsApp = count(
				"SELECT count(*) FROM broadcast_recipients WHERE state = 'QUEUED'" + " AND channel = 'WHATSAPP'");
		R2dbcBroadcastWork other = worker();
		Map<Long, Integer> claimed = new ConcurrentHashMap<>();

		Flux.range(0, 8)
			.flatMap((claimer) -> drain((claimer % 2 == 0) ? this.work : other, claimed), 8)
			.then()
			.block(Duration.ofMinutes(2));

		assertThat(claimed).hasSize((int) queuedOnWhatsApp);
		assertThat(claimed.values()).allMatch((times) -> times == 1);
		assertThat(count("SELECT count(*) FROM broadcast_recipients WHERE state = 'SENDING' AND attempts = 1"))
			.isEqualTo(queuedOnWhatsApp);
		assertThat(broadcast.id()).isNotNull();
	}

	@Test
	void should_let_another_claimer_take_over_and_refuse_the_stale_settle_when_a_lease_ended() {
		aFewMembersOn("WHATSAPP", 3);
		started(ChannelPolicy.WHATSAPP_ONLY);
		List<ClaimedRecipient> first = this.work.claim(ChatChannel.WHATSAPP, 3, LEASE).collectList().block();
		assertThat(this.work.claim(ChatChannel.WHATSAPP, 3, LEASE).collectList().block()).isEmpty();

		this.clock.advance(LEASE.plusSeconds(1));
		List<ClaimedRecipient> takenOver = worker().claim(ChatChannel.WHATSAPP, 3, LEASE).collectList().block();

		assertThat(first).hasSize(3);
		assertThat(takenOver).extracting(ClaimedRecipient::recipientId)
			.containsExactlyInAnyOrderElementsOf(first.stream().map(ClaimedRecipient::recipientId).toList());
		assertThat(takenOver).allMatch((recipient) -> recipient.attempt() == 2);
		assertThat(this.work.settle(first.get(0), new SendResult.Sent("wamid.stale")).block()).isFalse();
		ClaimedRecipient current = takenOver.stream()
			.filter((recipient) -> recipient.recipientId() == first.get(0).recipientId())
			.findFirst()
			.orElseThrow();
		assertThat(this.work.settle(current, new SendResult.Sent("wamid.fresh")).block()).isTrue();
		assertThat(this.work.settle(current, new SendResult.Sent("wamid.again")).block()).isFalse();
		assertThat(
				text("SELECT state || ' ' || message_id FROM broadcast_recipients WHERE id = " + current.recipientId()))
			.isEqualTo("SENT wamid.fresh");
	}

	@Test
	void should_write_each_outcome_of_a_settle_when_the_claim_is_current() {
		aFewMembersOn("WHATSAPP", 5);
		Broadcast broadcast = started(ChannelPolicy.WHATSAPP_ONLY);
		List<ClaimedRecipient> claimed = this.work.claim(ChatChannel.WHATSAPP, 5, LEASE).collectList().block();
		assertThat(claimed).allSatisfy((recipient) -> {
			assertThat(recipient.templateId()).isEqualTo(this.tables.whatsAppTemplate);
			assertThat(recipient.campaignKey()).isEqualTo("broadcast:" + broadcast.id());
			assertThat(recipient.chatId()).startsWith("chat-WHATSAPP-");
		});

		settle(claimed.get(0), new SendResult.Sent("wamid.0"));
		settle(claimed.get(1), new SendResult.Skipped(SkipReason.OPTED_OUT, "131050", "stopped marketing"));
		settle(claimed.get(2), new SendResult.Failed("131000", "something broke"));
		settle(claimed.get(3), new SendResult.RetryAt(NOW.plusSeconds(60), "130429", "rate limit"));
		settle(claimed.get(4), new SendResult.PauseBroadcast("132015", "template paused"));

		assertThat(rowOf(claimed.get(0))).isEqualTo("SENT|wamid.0|null|null|1");
		assertThat(rowOf(claimed.get(1))).isEqualTo("SKIPPED|null|OPTED_OUT|131050|1");
		assertThat(rowOf(claimed.get(2))).isEqualTo("FAILED|null|null|131000|1");
		assertThat(rowOf(claimed.get(3))).isEqualTo("QUEUED|null|null|130429|1");
		assertThat(rowOf(claimed.get(4))).isEqualTo("QUEUED|null|null|null|0");
		Broadcast paused = this.broadcasts.find(broadcast.id()).block();
		assertThat(paused.state()).isEqualTo(BroadcastState.PAUSED);
		assertThat(paused.pauseReason()).contains("template paused").contains("132015");
		assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'broadcast.paused' AND actor_id IS NULL"))
			.isEqualTo(1);
		// resumed: the retry waits for its time, the paused one goes again at once
		this.broadcasts.move(broadcast.id(), Action.RESUME, null, this.tables.marketer, NOW).block();
		List<ClaimedRecipient> again = this.work.claim(ChatChannel.WHATSAPP, 5, LEASE).collectList().block();
		assertThat(again).extracting(ClaimedRecipient::recipientId, ClaimedRecipient::attempt)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(claimed.get(4).recipientId(), 1));
		settle(again.get(0), new SendResult.Sent("wamid.4"));
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(this.work.claim(ChatChannel.WHATSAPP, 5, LEASE).collectList().block())
			.extracting(ClaimedRecipient::recipientId, ClaimedRecipient::attempt)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(claimed.get(3).recipientId(), 2));
	}

	@Test
	void should_settle_each_of_many_parallel_settles_as_its_own_result_and_refuse_the_stale_ones_among_them() {
		aFewMembersOn("WHATSAPP", 300);
		started(ChannelPolicy.WHATSAPP_ONLY);
		List<ClaimedRecipient> claimed = this.work.claim(ChatChannel.WHATSAPP, 300, LEASE).collectList().block();
		assertThat(claimed).hasSize(300);
		ClaimedRecipient stale = new ClaimedRecipient(claimed.get(7).recipientId(), claimed.get(7).broadcastId(),
				claimed.get(7).customerId(), claimed.get(7).channel(), claimed.get(7).chatId(),
				claimed.get(7).language(), claimed.get(7).templateId(), claimed.get(7).use(),
				claimed.get(7).campaignKey(), claimed.get(7).attempt(), claimed.get(7).leaseUntil().minusSeconds(1));

		// settles arriving together are written in groups: each must still be its own
		List<Boolean> answers = Flux.just(stale)
			.concatWith(Flux.fromIterable(claimed))
			.flatMap((recipient) -> this.work.settle(recipient,
					(recipient.recipientId() % 3 == 0) ? new SendResult.Sent("wamid.p" + recipient.recipientId())
							: (recipient.recipientId() % 3 == 1)
									? new SendResult.RetryAt(NOW.plusSeconds(60), "130429", "rate limit")
									: new SendResult.Failed("131000", "broke " + recipient.recipientId())),
					64)
			.collectList()
			.block(Duration.ofSeconds(30));

		// the stale one first: it must not take the current claim's place in its group
		assertThat(answers).hasSize(301).filteredOn((settled) -> !settled).hasSize(1);
		assertThat(rowOf(claimed.get(7))).doesNotStartWith("SENDING");
		for (ClaimedRecipient recipient : List.of(claimed.get(0), claimed.get(1), claimed.get(2), claimed.get(299))) {
			long id = recipient.recipientId();
			String expected = (id % 3 == 0) ? "SENT|wamid.p" + id + "|null|null|1"
					: (id % 3 == 1) ? "QUEUED|null|null|130429|1" : "FAILED|null|null|131000|1";
			assertThat(rowOf(recipient)).isEqualTo(expected);
		}
		assertThat(count("SELECT count(*) FROM broadcast_recipients WHERE state = 'SENDING'")).isZero();
		assertThat(count("SELECT count(*) FROM broadcast_recipients WHERE state = 'SENT' AND sent_at IS NOT NULL"))
			.isEqualTo(claimed.stream().filter((recipient) -> recipient.recipientId() % 3 == 0).count());
	}

	@Test
	void should_stop_claims_while_paused_and_cancel_the_queued_rest_when_cancelled_halfway() {
		aFewMembersOn("TELEGRAM", 10);
		Broadcast broadcast = started(ChannelPolicy.TELEGRAM_ONLY);
		List<ClaimedRecipient> half = this.work.claim(ChatChannel.TELEGRAM, 5, LEASE).collectList().block();
		half.subList(0, 4)
			.forEach((recipient) -> settle(recipient, new SendResult.Sent("tg-" + recipient.recipientId())));

		this.broadcasts.move(broadcast.id(), Action.PAUSE, "paused by hand", this.tables.marketer, NOW).block();
		assertThat(this.work.claim(ChatChannel.TELEGRAM, 10, LEASE).collectList().block()).isEmpty();
		this.broadcasts.move(broadcast.id(), Action.RESUME, null, this.tables.marketer, NOW).block();
		List<ClaimedRecipient> more = this.work.claim(ChatChannel.TELEGRAM, 2, LEASE).collectList().block();
		Move cancelled = this.broadcasts.move(broadcast.id(), Action.CANCEL, null, this.tables.marketer, NOW).block();

		assertThat(more).hasSize(2);
		assertThat(cancelled).isEqualTo(new Move(BroadcastState.RUNNING, true));
		assertThat(this.work.claim(ChatChannel.TELEGRAM, 10, LEASE).collectList().block()).isEmpty();
		// a message in flight when it was cancelled is still recorded as what it became
		assertThat(this.work.settle(more.get(0), new SendResult.Sent("tg-late")).block()).isTrue();
		assertThat(recipientsByKind(broadcast.id())).containsOnly(Map.entry("SENT/TELEGRAM/null", 5L),
				Map.entry("SENDING/TELEGRAM/null", 2L), Map.entry("CANCELLED/TELEGRAM/null", 3L));
		assertThat(this.broadcasts.move(broadcast.id(), Action.RESUME, null, this.tables.marketer, NOW).block())
			.isEqualTo(new Move(BroadcastState.CANCELLED, false));
		// the claims left behind are cancelled once their lease ended
		this.clock.advance(LEASE.plusSeconds(1));
		this.broadcasts.completeFinished(this.clock.instant()).block();
		assertThat(count("SELECT count(*) FROM broadcast_recipients WHERE state = 'CANCELLED'")).isEqualTo(5);
		assertThat(count("SELECT count(*) FROM audit_log WHERE entity_id = '" + broadcast.id() + "'")).isEqualTo(5);
	}

	@Test
	void should_keep_the_highest_status_and_the_failure_code_when_statuses_arrive_out_of_order() {
		aFewMembersOn("WHATSAPP", 2);
		started(ChannelPolicy.WHATSAPP_ONLY);
		List<ClaimedRecipient> claimed = this.work.claim(ChatChannel.WHATSAPP, 2, LEASE).collectList().block();
		settle(claimed.get(0), new SendResult.Sent("wamid.A"));
		settle(claimed.get(1), new SendResult.Sent("wamid.B"));
		Instant delivered = NOW.plusSeconds(5);
		Instant read = NOW.plusSeconds(9);

		assertThat(status("wamid.A", Delivery.READ, read, null)).isTrue();
		assertThat(status("wamid.A", Delivery.DELIVERED, delivered, null)).isTrue();
		assertThat(status("wamid.A", Delivery.READ, read.plusSeconds(60), null)).isTrue();
		assertThat(status("wamid.B", Delivery.FAILED, delivered, "131026")).isTrue();
		assertThat(status("wamid.B", Delivery.DELIVERED, read, null)).isTrue();
		assertThat(status("wamid.unknown", Delivery.READ, read, null)).isFalse();
		assertThat(this.tracking.recordStatus(ChatChannel.TELEGRAM, "wamid.A", Delivery.READ, read, null, null).block())
			.isFalse();

		assertThat(text(
				"SELECT state || ' ' || (read_at = TIMESTAMPTZ '" + read + "') || ' ' || (delivered_at IS NOT NULL)"
						+ " FROM broadcast_recipients WHERE message_id = 'wamid.A'"))
			.isEqualTo("READ true true");
		assertThat(text("SELECT state || ' ' || error_code || ' ' || error_reason"
				+ " FROM broadcast_recipients WHERE message_id = 'wamid.B'"))
			.isEqualTo("FAILED 131026 undeliverable");
	}

	@Test
	void should_apply_a_status_that_came_before_the_settle_once_when_the_settle_records_the_message_id() {
		aFewMembersOn("WHATSAPP", 3);
		Broadcast broadcast = started(ChannelPolicy.WHATSAPP_ONLY);
		List<ClaimedRecipient> claimed = this.work.claim(ChatChannel.WHATSAPP, 3, LEASE).collectList().block();
		Instant delivered = NOW.plusSeconds(1);
		Instant read = NOW.plusSeconds(2);

		// WhatsApp answered the sends, and its webhooks overtook the settles
		assertThat(early("wamid.A", Delivery.DELIVERED, delivered, null)).isTrue();
		assertThat(early("wamid.A", Delivery.DELIVERED, delivered.plusSeconds(30), null)).as("redelivered").isTrue();
		assertThat(early("wamid.B", Delivery.READ, read, null)).isTrue();
		assertThat(early("wamid.B", Delivery.DELIVERED, delivered, null)).as("out of order").isTrue();
		assertThat(early("wamid.C", Delivery.FAILED, delivered, "131026")).isTrue();
		assertThat(count("SELECT count(*) FROM broadcast_early_statuses")).isEqualTo(4);
		assertThat(count("SELECT count(*) FROM broadcast_recipients WHERE state = 'SENDING'")).isEqualTo(3);

		settle(claimed.get(0), new SendResult.Sent("wamid.A"));
		settle(claimed.get(1), new SendResult.Sent("wamid.B"));
		settle(claimed.get(2), new SendResult.Sent("wamid.C"));

		assertThat(text("SELECT state || ' ' || (delivered_at = TIMESTAMPTZ '" + delivered
				+ "') || ' ' || (read_at IS NULL)" + " FROM broadcast_recipients WHERE message_id = 'wamid.A'"))
			.isEqualTo("DELIVERED true true");
		assertThat(text("SELECT state || ' ' || (delivered_at = TIMESTAMPTZ '" + delivered + "') || ' '"
				+ " || (read_at = TIMESTAMPTZ '" + read + "') FROM broadcast_recipients WHERE message_id = 'wamid.B'"))
			.isEqualTo("READ true true");
		assertThat(text("SELECT state || ' ' || error_code || ' ' || error_reason"
				+ " FROM broadcast_recipients WHERE message_id = 'wamid.C'"))
			.isEqualTo("FAILED 131026 undeliverable");
		assertThat(count("SELECT count(*) FROM broadcast_early_statuses")).as("each applied once, then gone").isZero();
		// a later status still ranks: no way back from READ
		assertThat(status("wamid.B", Delivery.DELIVERED, read.plusSeconds(5), null)).isTrue();
		assertThat(early("wamid.A", Delivery.DELIVERED, delivered.plusSeconds(60), null)).as("redelivered late")
			.isTrue();
		assertThat(count("SELECT count(*) FROM broadcast_early_statuses")).isZero();
		Map<RecipientState, Long> byState = new HashMap<>();
		this.reads.tally(broadcast.id(), this.clock.instant())
			.block()
			.counts()
			.forEach((tally) -> byState.merge(tally.state(), tally.count(), Long::sum));
		assertThat(byState)
			.isEqualTo(Map.of(RecipientState.DELIVERED, 1L, RecipientState.READ, 1L, RecipientState.FAILED, 1L));
	}

	@RepeatedTest(3)
	void should_lose_no_status_when_statuses_and_settles_race() {
		int members = 150;
		aFewMembersOn("WHATSAPP", members);
		started(ChannelPolicy.WHATSAPP_ONLY);
		List<ClaimedRecipient> claimed = this.work.claim(ChatChannel.WHATSAPP, members, LEASE).collectList().block();

		Flux.fromIterable(claimed)
			.flatMap((recipient) -> Mono.when(
					Mono.defer(
							() -> this.work.settle(recipient, new SendResult.Sent("wamid.r" + recipient.recipientId())))
						.subscribeOn(Schedulers.parallel()),
					Mono.defer(() -> this.tracking.recordBroadcastStatus(ChatChannel.WHATSAPP,
							"wamid.r" + recipient.recipientId(), Delivery.READ, NOW.plusSeconds(1), null, null))
						.subscribeOn(Schedulers.parallel())),
					32)
			.then()
			.block();

		assertThat(count("SELECT count(*) FROM broadcast_recipients WHERE state = 'READ' AND read_at IS NOT NULL"))
			.isEqualTo(members);
		assertThat(count("SELECT count(*) FROM broadcast_early_statuses")).isZero();
	}

	@Test
	void should_forget_an_early_status_whose_send_is_never_settled_when_it_is_older_than_its_time_to_live() {
		R2dbcEarlyStatuses early = new R2dbcEarlyStatuses(this.db);
		assertThat(early("wamid.lost", Delivery.DELIVERED, NOW, null)).isTrue();
		this.clock.advance(Duration.ofMinutes(30));
		assertThat(early("wamid.later", Delivery.DELIVERED, NOW, null)).isTrue();

		assertThat(early.forgetKeptBefore(this.clock.instant().minus(Duration.ofMinutes(20))).block()).isEqualTo(1);

		assertThat(text("SELECT string_agg(message_id, ',') FROM broadcast_early_statuses")).isEqualTo("wamid.later");
		assertThat(status("wamid.lost", Delivery.DELIVERED, NOW, null)).as("an unmarked status is not kept").isFalse();
		assertThat(count("SELECT count(*) FROM broadcast_early_statuses")).isEqualTo(1);
	}

	@Test
	void should_count_each_button_once_per_recipient_when_replies_repeat() {
		aFewMembersOn("WHATSAPP", 2);
		Broadcast broadcast = started(ChannelPolicy.WHATSAPP_ONLY);
		List<ClaimedRecipient> claimed = this.work.claim(ChatChannel.WHATSAPP, 2, LEASE).collectList().block();
		settle(claimed.get(0), new SendResult.Sent("wamid.A"));
		settle(claimed.get(1), new SendResult.Sent("wamid.B"));

		assertThat(button("wamid.A", "Shop now")).isTrue();
		assertThat(button("wamid.A", "Shop now")).isTrue();
		assertThat(button("wamid.A", "Stop promotions")).isTrue();
		assertThat(button("wamid.B", "Shop now")).isTrue();
		assertThat(button("wamid.nobody", "Shop now")).isFalse();

		Tally tally = this.reads.tally(broadcast.id(), this.clock.instant()).block();
		assertThat(tally.buttons()).containsOnly(Map.entry("Shop now", 2L), Map.entry("Stop promotions", 1L));
		BroadcastView view = BroadcastView.of(broadcast, tally);
		assertThat(view.total()).isEqualTo(2);
		assertThat(view.progressPercent()).isEqualTo(100.0);
		assertThat(view.ratePerSecond()).isEqualTo(2 / 60.0);
		assertThat(view.secondsLeft()).isZero();
	}

	@Test
	void should_stream_every_failed_recipient_page_by_page_when_listed_for_a_download() {
		aFewMembersOn("TELEGRAM", 25);
		Broadcast broadcast = started(ChannelPolicy.TELEGRAM_ONLY);
		List<ClaimedRecipient> claimed = this.work.claim(ChatChannel.TELEGRAM, 25, LEASE).collectList().block();
		for (int i = 0; i < claimed.size(); i++) {
			settle(claimed.get(i), (i % 5 == 0) ? new SendResult.Sent("tg-" + i)
					: new SendResult.Failed("400", "Bad Request: chat not found"));
		}
		BroadcastCatalog catalog = new BroadcastCatalog(this.broadcasts, this.reads, this.clock, 7, 500);

		List<RecipientRow> failed = catalog
			.allRecipients(broadcast.id(), new RecipientQuery(RecipientState.FAILED, null, 0, 1))
			.collectList()
			.block();
		List<RecipientRow> firstPage = catalog
			.recipients(broadcast.id(), new RecipientQuery(RecipientState.FAILED, ChatChannel.TELEGRAM, 0, 6))
			.collectList()
			.block();

		assertThat(failed).hasSize(20)
			.allMatch((row) -> row.state() == RecipientState.FAILED && "400".equals(row.errorCode())
					&& row.failedAt() != null);
		assertThat(failed).extracting(RecipientRow::id).isSorted().doesNotHaveDuplicates();
		assertThat(firstPage).containsExactlyElementsOf(failed.subList(0, 6));
		assertThat(catalog
			.recipients(broadcast.id(), new RecipientQuery(RecipientState.FAILED, null, firstPage.get(5).id(), 6))
			.collectList()
			.block()).containsExactlyElementsOf(failed.subList(6, 12));
	}

	@Test
	void should_claim_nothing_in_quiet_hours_in_the_broadcast_time_zone() {
		aFewMembersOn("WHATSAPP", 2);
		Broadcast broadcast = this.tables.broadcast(ChannelPolicy.WHATSAPP_ONLY, NOW, null,
				BroadcastTables.quiet("22:00", "08:00"), "Europe/Berlin");
		this.broadcasts.insert(broadcast).block();
		this.broadcasts.start(broadcast.id(), SegmentFilter.everyone(), this.tables.marketer, NOW).block();

		this.clock.set(Instant.parse("2026-11-22T22:30:00Z")); // 23:30 in Berlin
		assertThat(this.work.claim(ChatChannel.WHATSAPP, 2, LEASE).collectList().block()).isEmpty();
		this.clock.set(Instant.parse("2026-11-23T06:59:00Z")); // 07:59 in Berlin
		assertThat(this.work.claim(ChatChannel.WHATSAPP, 2, LEASE).collectList().block()).isEmpty();
		this.clock.set(Instant.parse("2026-11-23T07:00:00Z")); // 08:00 in Berlin
		assertThat(this.work.claim(ChatChannel.WHATSAPP, 2, LEASE).collectList().block()).hasSize(2);
	}

	@Test
	void should_start_a_due_broadcast_once_when_two_instances_run_the_schedule_together() {
		aFewMembersOn("WHATSAPP", 20);
		InMemorySegments segments = new InMemorySegments();
		segments
			.insert(new Segment(this.tables.segment, "everyone", SegmentFilter.everyone(), this.tables.marketer, NOW,
					this.tables.marketer, NOW))
			.block();
		Broadcast broadcast = this.tables.broadcast(ChannelPolicy.WHATSAPP_ONLY, NOW, NOW.plusSeconds(60), null, "UTC");
		this.broadcasts.insert(broadcast).block();
		this.broadcasts.schedule(broadcast.id(), this.tables.marketer, NOW).block();
		this.clock.advance(Duration.ofSeconds(61));
		RunBroadcastSchedule one = new RunBroadcastSchedule(this.broadcasts, segments, this.clock);
		RunBroadcastSchedule two = new RunBroadcastSchedule(new R2dbcBroadcasts(this.db, new ObjectMapper()), segments,
				this.clock);

		List<RunBroadcastSchedule.Round> rounds = Flux.merge(one.run(), two.run(), one.run()).collectList().block();

		assertThat(rounds.stream().mapToLong(RunBroadcastSchedule.Round::started).sum()).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM broadcast_recipients")).isEqualTo(20);
		assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'broadcast.started' AND actor_id IS NULL"))
			.isEqualTo(1);
		// every recipient sent: the next round completes it, once
		List<ClaimedRecipient> claimed = this.work.claim(ChatChannel.WHATSAPP, 20, LEASE).collectList().block();
		claimed.forEach((recipient) -> settle(recipient, new SendResult.Sent("wamid." + recipient.recipientId())));
		List<RunBroadcastSchedule.Round> later = Flux.merge(one.run(), two.run()).collectList().block();
		assertThat(later.stream().mapToLong(RunBroadcastSchedule.Round::completed).sum()).isEqualTo(1);
		assertThat(this.broadcasts.find(broadcast.id()).block().state()).isEqualTo(BroadcastState.COMPLETED);
	}

	@Test
	void should_cancel_a_due_broadcast_audited_by_the_service_when_its_segment_was_deleted_while_it_waited() {
		aFewMembersOn("WHATSAPP", 3);
		Broadcast broadcast = this.tables.broadcast(ChannelPolicy.WHATSAPP_ONLY, NOW, NOW.plusSeconds(60), null, "UTC");
		this.broadcasts.insert(broadcast).block();
		this.broadcasts.schedule(broadcast.id(), this.tables.marketer, NOW).block();
		this.tables.sql("DELETE FROM segments");
		this.clock.advance(Duration.ofSeconds(61));
		RunBroadcastSchedule schedule = new RunBroadcastSchedule(this.broadcasts, new InMemorySegments(), this.clock);

		assertThat(schedule.run().block().cancelled()).isEqualTo(1);

		Broadcast cancelled = this.broadcasts.find(broadcast.id()).block();
		assertThat(cancelled.state()).isEqualTo(BroadcastState.CANCELLED);
		assertThat(cancelled.pauseReason()).contains("segment was deleted");
		assertThat(count("SELECT count(*) FROM broadcast_recipients")).isZero();
		assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'broadcast.cancelled' AND actor_id IS NULL"))
			.isEqualTo(1);
		assertThat(schedule.run().block().cancelled()).isZero();
	}

	@Test
	void should_stop_claims_and_pause_with_the_reason_when_a_sync_pauses_the_template() {
		aFewMembersOn("WHATSAPP", 4);
		Broadcast broadcast = started(ChannelPolicy.WHATSAPP_ONLY);
		assertThat(this.work.claim(ChatChannel.WHATSAPP, 1, LEASE).collectList().block()).hasSize(1);

		this.tables.sql("UPDATE whatsapp_templates SET status = 'PAUSED'");

		assertThat(this.work.claim(ChatChannel.WHATSAPP, 4, LEASE).collectList().block()).isEmpty();
		assertThat(this.broadcasts.pauseUnsendable(NOW).block()).isEqualTo(1);
		Broadcast paused = this.broadcasts.find(broadcast.id()).block();
		assertThat(paused.state()).isEqualTo(BroadcastState.PAUSED);
		assertThat(paused.pauseReason()).isEqualTo(
				"WhatsApp paused the template spring_sale (en) for low quality (recipients blocked or reported it)");
		assertThat(this.broadcasts.pauseUnsendable(NOW).block()).isZero();
	}

	// --- the population ---------------------------------------------------------

	/**
	 * 2,000 members: by {@code i % 4} WhatsApp only, Telegram only, both preferring
	 * Telegram, both having written from WhatsApp last; some opted out, unreachable or
	 * blocking the bot; the last ten with no chat; member 1000 blocked in the program.
	 */
	private void aPopulationOnBothChannels() {
		this.tables.members("m", MEMBERS, 10_000);
		this.tables.chats("m", "WHATSAPP", "i < 1990 AND i % 4 IN (0, 2, 3)", true, "2026-06-01T00:00:00Z");
		this.tables.chats("m", "TELEGRAM", "i < 1990 AND i % 4 IN (1, 2) AND i % 40 NOT IN (9, 6)", true,
				"2026-01-01T00:00:00Z");
		this.tables.chats("m", "TELEGRAM", "i < 1990 AND i % 4 = 3", true, "2026-01-01T00:00:00Z");
		this.tables.chats("m", "TELEGRAM", "i < 1990 AND i % 40 IN (9, 6)", false, "2026-01-01T00:00:00Z");
		this.tables.optOut("m", "TELEGRAM", "i % 40 = 5");
		this.tables.optOut("m", "WHATSAPP", "i % 40 IN (0, 10)");
		this.tables
			.sql("UPDATE customers SET preferred_channel = 'TELEGRAM' WHERE split_part(name, '-', 2)::int % 4 = 2");
		this.tables.sql("UPDATE customers SET status = 'BLOCKED' WHERE name = 'm-1000'");
	}

	private Map<String, Long> expectedPreferred() {
		Map<String, Long> expected = new HashMap<>();
		for (int i = 0; i < MEMBERS; i++) {
			if (i == 1000) {
				continue;
			}
			expected.merge(expectedKind(i), 1L, Long::sum);
		}
		return expected;
	}

	private static String expectedKind(int i) {
		if (i >= 1990) {
			return "SKIPPED/null/NO_CHANNEL";
		}
		return switch (i % 4) {
			case 0 -> (i % 40 == 0) ? "SKIPPED/WHATSAPP/OPTED_OUT" : "QUEUED/WHATSAPP/null";
			case 1 -> (i % 40 == 5) ? "SKIPPED/TELEGRAM/OPTED_OUT"
					: (i % 40 == 9) ? "SKIPPED/TELEGRAM/UNREACHABLE" : "QUEUED/TELEGRAM/null";
			// preferred Telegram; its blocked bot falls back to WhatsApp
			case 2 -> (i % 40 == 6) ? "QUEUED/WHATSAPP/null" : "QUEUED/TELEGRAM/null";
			default -> "QUEUED/WHATSAPP/null";
		};
	}

	private void aFewMembersOn(String channel, int count) {
		this.tables.members("f", count, 50_000);
		this.tables.chats("f", channel, "true", true, null);
	}

	// --- helpers ---------------------------------------------------------------

	private R2dbcBroadcastWork worker() {
		return new R2dbcBroadcastWork(this.db, new UseJson(new ObjectMapper()), this.clock, this.properties,
				new R2dbcEarlyStatuses(this.db));
	}

	private Broadcast draft(ChannelPolicy policy) {
		Broadcast broadcast = this.tables.broadcast(policy, NOW, null, null, "UTC");
		this.broadcasts.insert(broadcast).block();
		return broadcast;
	}

	private Broadcast started(ChannelPolicy policy) {
		Broadcast broadcast = draft(policy);
		assertThat(this.broadcasts.start(broadcast.id(), SegmentFilter.everyone(), this.tables.marketer, NOW)
			.block()
			.moved()).isTrue();
		return broadcast;
	}

	/** Claims batches of 25 WhatsApp recipients until none is left, counting each. */
	private Mono<Void> drain(R2dbcBroadcastWork worker, Map<Long, Integer> claimed) {
		return worker.claim(ChatChannel.WHATSAPP, 25, LEASE)
			.doOnNext((recipient) -> claimed.merge(recipient.recipientId(), 1, Integer::sum))
			.count()
			.repeat()
			.takeUntil((batch) -> batch == 0)
			.then();
	}

	private void settle(ClaimedRecipient recipient, SendResult result) {
		assertThat(this.work.settle(recipient, result).block()).isTrue();
	}

	private boolean status(String messageId, Delivery state, Instant at, String code) {
		return this.tracking
			.recordStatus(ChatChannel.WHATSAPP, messageId, state, at, code, (code == null) ? null : "undeliverable")
			.block();
	}

	private boolean early(String messageId, Delivery state, Instant at, String code) {
		return this.tracking
			.recordBroadcastStatus(ChatChannel.WHATSAPP, messageId, state, at, code,
					(code == null) ? null : "undeliverable")
			.block();
	}

	private boolean button(String messageId, String button) {
		return this.tracking.recordButton(ChatChannel.WHATSAPP, messageId, button).block();
	}

	private Map<String, Long> recipientsByKind(BroadcastId id) {
		List<Map.Entry<String, Long>> rows = this.db.sql("""
				SELECT state || '/' || COALESCE(channel, 'null') || '/' || COALESCE(skip_reason, 'null') AS kind,
				       count(*) AS n
				FROM broadcast_recipients WHERE broadcast_id = :id GROUP BY 1
				""")
			.bind("id", id.value())
			.map((row) -> Map.entry(row.get("kind", String.class), row.get("n", Long.class)))
			.all()
			.collectList()
			.block();
		Map<String, Long> kinds = new HashMap<>();
		rows.forEach((entry) -> kinds.put(entry.getKey(), entry.getValue()));
		return kinds;
	}

	private String rowOf(ClaimedRecipient recipient) {
		return text("SELECT state || '|' || COALESCE(message_id, 'null') || '|' || COALESCE(skip_reason, 'null') || '|'"
				+ " || COALESCE(error_code, 'null') || '|' || attempts FROM broadcast_recipients WHERE id = "
				+ recipient.recipientId());
	}

	private long count(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block();
	}

	private String text(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, String.class)).one().block();
	}

}
