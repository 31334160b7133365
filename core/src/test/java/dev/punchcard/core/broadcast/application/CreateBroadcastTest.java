package dev.punchcard.core.broadcast.application;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import dev.punchcard.core.broadcast.domain.BroadcastState;
import dev.punchcard.core.broadcast.domain.ChannelPolicy;
import dev.punchcard.core.broadcast.domain.TemplateChoice;
import dev.punchcard.core.campaign.domain.Binding;
import dev.punchcard.core.campaign.domain.MemberField;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateStatus;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.segment.application.FieldError;
import dev.punchcard.core.segment.application.InMemorySegments;
import dev.punchcard.core.segment.application.Segment;
import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.segment.domain.SegmentId;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class CreateBroadcastTest {

	private static final StaffId MARKETER = StaffId.random();

	private final InMemorySegments segments = new InMemorySegments();

	private final InMemoryTemplates templates = new InMemoryTemplates();

	private final InMemoryBroadcasts broadcasts = new InMemoryBroadcasts();

	private final CreateBroadcast create = new CreateBroadcast(this.segments, this.templates.whatsApp,
			this.templates.telegram, this.broadcasts, TestClock.fixed());

	private final SegmentId segment = aSegment();

	private final TemplateUse firstName = new TemplateUse(Map.of("body.1", new Binding.ToField(MemberField.FIRST_NAME)),
			null);

	@Test
	void should_save_a_draft_audited_as_its_creator_when_every_field_is_right() {
		TemplateId whatsApp = this.templates.whatsApp(TemplateStatus.APPROVED).id();
		TemplateId telegram = this.templates.telegram().id();
		TemplateUse telegramUse = new TemplateUse(Map.of("first_name", new Binding.ToConstant("friend")), null);

		this.create
			.create(new BroadcastCommand(" Spring sale ", this.segment, ChannelPolicy.PREFERRED_WITH_FALLBACK,
					new TemplateChoice(whatsApp, this.firstName), new TemplateChoice(telegram, telegramUse),
					LocalDateTime.parse("2026-11-23T09:00"), "Europe/Berlin", LocalTime.parse("21:00"),
					LocalTime.parse("08:00"), MARKETER))
			.as(StepVerifier::create)
			.assertNext((outcome) -> assertThat(outcome).isInstanceOfSatisfying(BroadcastOutcome.Done.class, (done) -> {
				assertThat(done.broadcast().name()).isEqualTo("Spring sale");
				assertThat(done.broadcast().state()).isEqualTo(BroadcastState.DRAFT);
				assertThat(done.broadcast().timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
				assertThat(done.broadcast().scheduledAt()).hasToString("2026-11-23T08:00:00Z");
				assertThat(done.broadcast().quietHours().contains(LocalTime.parse("23:00"))).isTrue();
			}))
			.verifyComplete();
		assertThat(this.broadcasts.audit()).singleElement()
			.asString()
			.startsWith("broadcast.created")
			.endsWith("by " + MARKETER);
	}

	@Test
	void should_name_every_missing_field_when_the_command_is_empty() {
		invalid(new BroadcastCommand(null, null, null, null, null, null, null, null, null, MARKETER))
			.containsExactly("channelPolicy", "name", "segmentId");
	}

	@Test
	void should_refuse_an_unknown_segment_and_templates_when_none_has_the_ids() {
		invalid(new BroadcastCommand("Sale", new SegmentId(java.util.UUID.randomUUID()),
				ChannelPolicy.PREFERRED_WITH_FALLBACK, new TemplateChoice(TemplateId.random(), this.firstName),
				new TemplateChoice(TemplateId.random(), this.firstName), null, null, null, null, MARKETER))
			.containsExactly("segmentId", "telegram.templateId", "whatsApp.templateId");
	}

	@Test
	void should_refuse_a_whatsapp_template_when_it_is_not_approved() {
		TemplateId paused = this.templates.whatsApp(TemplateStatus.PAUSED).id();

		assertThat(errors(whatsAppOnly(new TemplateChoice(paused, this.firstName), null, null))).singleElement()
			.satisfies((error) -> {
				assertThat(error.field()).isEqualTo("whatsApp.templateId");
				assertThat(error.message()).contains("paused");
			});
	}

	@Test
	void should_name_the_binding_when_a_parameter_is_unbound_or_unknown() {
		TemplateId whatsApp = this.templates.whatsApp(TemplateStatus.APPROVED).id();
		TemplateUse wrong = new TemplateUse(Map.of("body.9", new Binding.ToConstant("x")), null);

		invalid(whatsAppOnly(new TemplateChoice(whatsApp, wrong), null, null))
			.containsExactly("whatsApp.bindings.body.1", "whatsApp.bindings.body.9");
	}

	@Test
	void should_require_the_template_of_each_channel_the_policy_uses_and_no_other() {
		TemplateId telegram = this.templates.telegram().id();

		invalid(new BroadcastCommand("Sale", this.segment, ChannelPolicy.WHATSAPP_ONLY, null,
				new TemplateChoice(telegram, new TemplateUse(Map.of("first_name", new Binding.ToConstant("x")), null)),
				null, null, null, null, MARKETER))
			.containsExactly("telegram", "whatsApp");
	}

	@Test
	void should_refuse_a_past_schedule_a_bad_time_zone_and_empty_quiet_hours() {
		TemplateChoice approved = new TemplateChoice(this.templates.whatsApp(TemplateStatus.APPROVED).id(),
				this.firstName);

		invalid(whatsAppOnly(approved, LocalDateTime.parse("2026-11-22T09:59"), "UTC")).containsExactly("scheduledAt");
		invalid(whatsAppOnly(approved, null, "Mars/Olympus")).containsExactly("timeZone");
		invalid(whatsAppOnly(approved, null, "+02:00")).containsExactly("timeZone");
		invalid(new BroadcastCommand("Sale", this.segment, ChannelPolicy.WHATSAPP_ONLY, approved, null, null, null,
				LocalTime.NOON, LocalTime.NOON, MARKETER))
			.containsExactly("quietHours.until");
		invalid(new BroadcastCommand("Sale", this.segment, ChannelPolicy.WHATSAPP_ONLY, approved, null, null, null,
				LocalTime.NOON, null, MARKETER))
			.containsExactly("quietHours");
		invalid(new BroadcastCommand("Sale\u0007", this.segment, ChannelPolicy.WHATSAPP_ONLY, approved, null, null,
				null, null, null, MARKETER))
			.containsExactly("name");
	}

	private BroadcastCommand whatsAppOnly(TemplateChoice choice, LocalDateTime at, String zone) {
		return new BroadcastCommand("Sale", this.segment, ChannelPolicy.WHATSAPP_ONLY, choice, null, at, zone, null,
				null, MARKETER);
	}

	private org.assertj.core.api.ListAssert<String> invalid(BroadcastCommand command) {
		return assertThat(errors(command).stream().map(FieldError::field).toList());
	}

	private java.util.List<FieldError> errors(BroadcastCommand command) {
		BroadcastOutcome outcome = this.create.create(command).block();
		assertThat(outcome).isInstanceOf(BroadcastOutcome.Invalid.class);
		assertThat(this.broadcasts.audit()).isEmpty();
		return ((BroadcastOutcome.Invalid) outcome).errors();
	}

	private SegmentId aSegment() {
		SegmentId id = SegmentId.random();
		this.segments
			.insert(new Segment(id, "everyone", SegmentFilter.everyone(), MARKETER, TestClock.NOW, MARKETER,
					TestClock.NOW))
			.block();
		return id;
	}

}
