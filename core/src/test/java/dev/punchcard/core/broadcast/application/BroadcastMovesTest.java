package dev.punchcard.core.broadcast.application;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.BroadcastState;
import dev.punchcard.core.broadcast.domain.BroadcastState.Action;
import dev.punchcard.core.broadcast.domain.ChannelPolicy;
import dev.punchcard.core.broadcast.domain.TemplateChoice;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateStatus;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.segment.application.InMemorySegments;
import dev.punchcard.core.segment.application.Segment;
import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.segment.domain.SegmentId;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.support.TestClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Start, pause, resume, cancel and the schedule over in-memory ports. */
class BroadcastMovesTest {

	private static final Instant NOW = TestClock.NOW;

	private static final StaffId MARKETER = StaffId.random();

	private final InMemoryBroadcasts broadcasts = new InMemoryBroadcasts();

	private final InMemorySegments segments = new InMemorySegments();

	private final SegmentId segment = SegmentId.random();

	private final StartBroadcast start = new StartBroadcast(this.broadcasts, this.segments, TestClock.fixed());

	private final PauseBroadcast pause = new PauseBroadcast(this.broadcasts, TestClock.fixed());

	private final InMemoryTemplates templates = new InMemoryTemplates();

	private final ResumeBroadcast resume = new ResumeBroadcast(this.broadcasts, this.templates.whatsApp,
			this.templates.telegram, TestClock.fixed());

	private final CancelBroadcast cancel = new CancelBroadcast(this.broadcasts, TestClock.fixed());

	BroadcastMovesTest() {
		this.segments
			.insert(new Segment(this.segment, "everyone", SegmentFilter.everyone(), MARKETER, NOW, MARKETER, NOW))
			.block();
	}

	@Test
	void should_run_with_the_segment_filter_when_a_draft_without_schedule_is_started() {
		Broadcast draft = draft(null);

		assertThat(state(this.start.start(draft.id(), MARKETER).block())).isEqualTo(BroadcastState.RUNNING);
		assertThat(this.broadcasts.started()).containsExactly(SegmentFilter.everyone());
	}

	@Test
	void should_wait_scheduled_when_a_draft_is_started_before_its_time() {
		Broadcast draft = draft(NOW.plus(Duration.ofHours(2)));

		assertThat(state(this.start.start(draft.id(), MARKETER).block())).isEqualTo(BroadcastState.SCHEDULED);
		assertThat(this.broadcasts.started()).isEmpty();
	}

	@Test
	void should_start_it_once_when_the_schedule_finds_it_due() {
		Broadcast draft = draft(NOW.plus(Duration.ofMinutes(5)));
		this.start.start(draft.id(), MARKETER).block();
		RunBroadcastSchedule early = new RunBroadcastSchedule(this.broadcasts, this.segments, TestClock.fixed());
		RunBroadcastSchedule later = new RunBroadcastSchedule(this.broadcasts, this.segments,
				TestClock.later(Duration.ofMinutes(5)));

		assertThat(early.run().block().started()).isZero();
		assertThat(later.run().block().started()).isEqualTo(1);
		assertThat(later.run().block().started()).isZero();
		assertThat(this.broadcasts.find(draft.id()).block().state()).isEqualTo(BroadcastState.RUNNING);
	}

	@Test
	void should_refuse_with_the_current_state_when_a_move_is_not_allowed() {
		Broadcast draft = draft(null);

		this.pause.pause(draft.id(), MARKETER)
			.as(StepVerifier::create)
			.expectNext(new BroadcastOutcome.NotAllowed(draft.id(), Action.PAUSE, BroadcastState.DRAFT))
			.verifyComplete();
		this.start.start(draft.id(), MARKETER).block();
		this.start.start(draft.id(), MARKETER)
			.as(StepVerifier::create)
			.expectNext(new BroadcastOutcome.NotAllowed(draft.id(), Action.START, BroadcastState.RUNNING))
			.verifyComplete();
		this.resume.resume(draft.id(), MARKETER)
			.as(StepVerifier::create)
			.expectNext(new BroadcastOutcome.NotAllowed(draft.id(), Action.RESUME, BroadcastState.RUNNING))
			.verifyComplete();
		this.broadcasts.force(draft.id(), BroadcastState.COMPLETED);
		this.cancel.cancel(draft.id(), MARKETER)
			.as(StepVerifier::create)
			.expectNext(new BroadcastOutcome.NotAllowed(draft.id(), Action.CANCEL, BroadcastState.COMPLETED))
			.verifyComplete();
	}

	@Test
	void should_pause_resume_and_cancel_each_audited_when_the_states_allow() {
		Broadcast draft = draft(null);
		this.start.start(draft.id(), MARKETER).block();

		BroadcastOutcome paused = this.pause.pause(draft.id(), MARKETER).block();
		assertThat(state(paused)).isEqualTo(BroadcastState.PAUSED);
		assertThat(((BroadcastOutcome.Done) paused).broadcast().pauseReason()).contains(MARKETER.toString());
		assertThat(state(this.resume.resume(draft.id(), MARKETER).block())).isEqualTo(BroadcastState.RUNNING);
		assertThat(state(this.cancel.cancel(draft.id(), MARKETER).block())).isEqualTo(BroadcastState.CANCELLED);
		assertThat(this.broadcasts.audit()).extracting((entry) -> entry.split(" ")[0])
			.containsExactly("broadcast.created", "broadcast.started", "broadcast.paused", "broadcast.running",
					"broadcast.cancelled");
	}

	@Test
	void should_answer_unknown_and_segment_gone_when_there_is_nothing_to_start() {
		BroadcastId nobody = BroadcastId.random();
		assertThat(this.start.start(nobody, MARKETER).block()).isEqualTo(new BroadcastOutcome.Unknown(nobody));
		assertThat(this.cancel.cancel(nobody, MARKETER).block()).isEqualTo(new BroadcastOutcome.Unknown(nobody));
		Broadcast orphan = draft(null, SegmentId.random());
		assertThat(this.start.start(orphan.id(), MARKETER).block())
			.isEqualTo(new BroadcastOutcome.SegmentGone(orphan.id()));
		assertThat(this.broadcasts.find(orphan.id()).block().state()).isEqualTo(BroadcastState.DRAFT);
	}

	@Test
	void should_cancel_with_the_reason_once_when_a_due_broadcast_lost_its_segment_while_it_waited() {
		SegmentId doomed = SegmentId.random();
		this.segments.insert(new Segment(doomed, "doomed", SegmentFilter.everyone(), MARKETER, NOW, MARKETER, NOW))
			.block();
		Broadcast draft = draft(NOW.plus(Duration.ofMinutes(5)), doomed);
		this.start.start(draft.id(), MARKETER).block();
		this.segments.delete(doomed, MARKETER, NOW).block();
		RunBroadcastSchedule later = new RunBroadcastSchedule(this.broadcasts, this.segments,
				TestClock.later(Duration.ofMinutes(5)));

		RunBroadcastSchedule.Round round = later.run().block();

		assertThat(round.started()).isZero();
		assertThat(round.cancelled()).isEqualTo(1);
		Broadcast cancelled = this.broadcasts.find(draft.id()).block();
		assertThat(cancelled.state()).isEqualTo(BroadcastState.CANCELLED);
		assertThat(cancelled.pauseReason()).isEqualTo(RunBroadcastSchedule.SEGMENT_GONE);
		assertThat(later.run().block().cancelled()).isZero();
		assertThat(this.broadcasts.started()).isEmpty();
	}

	@Test
	void should_stay_paused_with_the_reason_when_its_whatsapp_template_is_still_paused_at_whatsapp() {
		TemplateId paused = this.templates.whatsApp(TemplateStatus.PAUSED).id();
		Broadcast draft = draft(null, this.segment, ChannelPolicy.WHATSAPP_ONLY, paused, null);
		this.start.start(draft.id(), MARKETER).block();
		this.pause.pause(draft.id(), MARKETER).block();

		BroadcastOutcome outcome = this.resume.resume(draft.id(), MARKETER).block();

		assertThat(outcome).isInstanceOfSatisfying(BroadcastOutcome.TemplateUnsendable.class,
				(refused) -> assertThat(refused.reason()).contains("WhatsApp paused the template spring_sale"));
		assertThat(this.broadcasts.find(draft.id()).block().state()).isEqualTo(BroadcastState.PAUSED);
	}

	@Test
	void should_stay_paused_when_its_telegram_template_was_deleted() {
		Broadcast draft = draft(null, this.segment, ChannelPolicy.TELEGRAM_ONLY, null, TemplateId.random());
		this.start.start(draft.id(), MARKETER).block();
		this.pause.pause(draft.id(), MARKETER).block();

		assertThat(this.resume.resume(draft.id(), MARKETER).block())
			.isEqualTo(new BroadcastOutcome.TemplateUnsendable(draft.id(), "its Telegram template was deleted"));
		assertThat(this.broadcasts.find(draft.id()).block().state()).isEqualTo(BroadcastState.PAUSED);
	}

	private Broadcast draft(@Nullable Instant scheduledAt) {
		return draft(scheduledAt, this.segment);
	}

	private Broadcast draft(@Nullable Instant scheduledAt, SegmentId segment) {
		return draft(scheduledAt, segment, ChannelPolicy.TELEGRAM_ONLY, null, this.templates.telegram().id());
	}

	private Broadcast draft(@Nullable Instant scheduledAt, SegmentId segment, ChannelPolicy policy,
			@Nullable TemplateId whatsApp, @Nullable TemplateId telegram) {
		TemplateUse use = new TemplateUse(Map.of(), null);
		Broadcast broadcast = new Broadcast(BroadcastId.random(), "Sale", segment, policy,
				(whatsApp == null) ? null : new TemplateChoice(whatsApp, use),
				(telegram == null) ? null : new TemplateChoice(telegram, use), scheduledAt, ZoneId.of("UTC"), null,
				BroadcastState.DRAFT, null, MARKETER, NOW, MARKETER, NOW, null, null);
		return this.broadcasts.insert(broadcast).block();
	}

	private static BroadcastState state(BroadcastOutcome outcome) {
		assertThat(outcome).isInstanceOf(BroadcastOutcome.Done.class);
		return ((BroadcastOutcome.Done) outcome).broadcast().state();
	}

}
