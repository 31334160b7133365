package dev.punchcard.core.broadcast.application;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.punchcard.core.broadcast.application.BroadcastReads.Count;
import dev.punchcard.core.broadcast.application.BroadcastReads.Tally;
import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.BroadcastState;
import dev.punchcard.core.broadcast.domain.ChannelPolicy;
import dev.punchcard.core.broadcast.domain.QuietHours;
import dev.punchcard.core.broadcast.domain.RecipientState;
import dev.punchcard.core.broadcast.domain.TemplateChoice;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.segment.domain.SegmentId;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What a send's result writes, the ranks of statuses, quiet hours and progress. */
class SettlementTest {

	private static final Instant LATER = TestClock.NOW.plusSeconds(90);

	@Test
	void should_record_the_message_id_when_sent() {
		assertThat(Settlement.of(new SendResult.Sent("wamid.1")))
			.isEqualTo(new Settlement(RecipientState.SENT, null, "wamid.1", null, null, null, true, null));
	}

	@Test
	void should_skip_with_the_reason_and_fail_with_the_code_when_the_platform_says_so() {
		assertThat(Settlement.of(new SendResult.Skipped(SkipReason.UNREACHABLE, "403", "bot blocked"))).isEqualTo(
				new Settlement(RecipientState.SKIPPED, null, null, "UNREACHABLE", "403", "bot blocked", true, null));
		assertThat(Settlement.of(new SendResult.Failed("131000", "x".repeat(5000))).errorReason()).hasSize(1000);
	}

	@Test
	void should_queue_again_at_the_time_counting_the_attempt_when_asked_to_retry() {
		assertThat(Settlement.of(new SendResult.RetryAt(LATER, "130429", "throughput reached"))).isEqualTo(
				new Settlement(RecipientState.QUEUED, LATER, null, null, "130429", "throughput reached", true, null));
	}

	@Test
	void should_give_the_attempt_back_and_pause_with_the_reason_when_the_template_cannot_be_sent() {
		Settlement pause = Settlement.of(new SendResult.PauseBroadcast("132015", "Template is paused"));

		assertThat(pause.state()).isEqualTo(RecipientState.QUEUED);
		assertThat(pause.dueAt()).isNull();
		assertThat(pause.attemptCounts()).isFalse();
		assertThat(pause.pauseReason()).isEqualTo("Template is paused (132015)");
	}

	@Test
	void should_rank_read_above_delivered_and_failed_above_all_when_statuses_compete() {
		List<RecipientState> ranked = Arrays.asList(RecipientState.FAILED, RecipientState.SENT, RecipientState.READ,
				RecipientState.DELIVERED);
		Collections.sort(ranked, (a, b) -> Integer.compare(a.rank(), b.rank()));

		assertThat(ranked).containsExactly(RecipientState.SENT, RecipientState.DELIVERED, RecipientState.READ,
				RecipientState.FAILED);
		assertThat(RecipientState.QUEUED.rank()).isZero();
		for (BroadcastTracking.Delivery delivery : BroadcastTracking.Delivery.values()) {
			assertThat(RecipientState.valueOf(delivery.name()).rank()).isGreaterThan(RecipientState.SENT.rank());
		}
	}

	@Test
	void should_hold_across_midnight_when_quiet_hours_end_before_they_start() {
		QuietHours night = new QuietHours(java.time.LocalTime.of(22, 0), java.time.LocalTime.of(8, 0));
		QuietHours lunch = new QuietHours(java.time.LocalTime.of(12, 0), java.time.LocalTime.of(13, 0));

		assertThat(night.contains(java.time.LocalTime.of(23, 30))).isTrue();
		assertThat(night.contains(java.time.LocalTime.of(7, 59))).isTrue();
		assertThat(night.contains(java.time.LocalTime.of(8, 0))).isFalse();
		assertThat(lunch.contains(java.time.LocalTime.of(12, 0))).isTrue();
		assertThat(lunch.contains(java.time.LocalTime.of(13, 0))).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new QuietHours(java.time.LocalTime.NOON, java.time.LocalTime.NOON));
	}

	@Test
	void should_compute_progress_rate_and_time_left_from_the_counts() {
		Tally tally = new Tally(List.of(new Count(RecipientState.SENT, ChatChannel.WHATSAPP, 600),
				new Count(RecipientState.QUEUED, ChatChannel.WHATSAPP, 300),
				new Count(RecipientState.SKIPPED, null, 100)), 120, Map.of());

		BroadcastView view = BroadcastView.of(aBroadcast(), tally);

		assertThat(view.total()).isEqualTo(1000);
		assertThat(view.remaining()).isEqualTo(300);
		assertThat(view.progressPercent()).isEqualTo(70.0);
		assertThat(view.ratePerSecond()).isEqualTo(2.0);
		assertThat(view.secondsLeft()).isEqualTo(150L);
		assertThat(view.byChannel().get("NONE")).containsEntry(RecipientState.SKIPPED, 100L);
		assertThat(view.byState()).containsEntry(RecipientState.FAILED, 0L);
		assertThat(BroadcastView.of(aBroadcast(), new Tally(tally.counts(), 0, Map.of())).secondsLeft()).isNull();
	}

	private static Broadcast aBroadcast() {
		return new Broadcast(BroadcastId.random(), "Sale", SegmentId.random(), ChannelPolicy.WHATSAPP_ONLY,
				new TemplateChoice(TemplateId.random(), new TemplateUse(Map.of(), null)), null, null,
				java.time.ZoneId.of("UTC"), null, BroadcastState.RUNNING, null, StaffId.random(), TestClock.NOW, null,
				TestClock.NOW, TestClock.NOW, null);
	}

}
