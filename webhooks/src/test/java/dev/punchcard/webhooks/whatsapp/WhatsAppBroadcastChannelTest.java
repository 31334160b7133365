package dev.punchcard.webhooks.whatsapp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.punchcard.bot.broadcast.BroadcastSendException;
import dev.punchcard.bot.conversation.ReachabilityListener;
import dev.punchcard.bot.pacing.SendPacing;
import dev.punchcard.bot.pacing.SendPriority;
import dev.punchcard.bot.template.RenderedTemplate;
import dev.punchcard.bot.template.TemplateFill;
import dev.punchcard.core.broadcast.application.ClaimedRecipient;
import dev.punchcard.core.broadcast.application.SendResult;
import dev.punchcard.core.broadcast.application.SkipReason;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.campaign.application.MemberFieldValues;
import dev.punchcard.core.campaign.domain.ParameterFormat;
import dev.punchcard.core.campaign.domain.TemplateComponent;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateListing;
import dev.punchcard.core.campaign.domain.TemplateStatus;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.campaign.domain.WhatsAppTemplate;
import dev.punchcard.core.consent.application.ChangeMarketingConsent;
import dev.punchcard.core.consent.application.InMemoryMarketingConsents;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The WhatsApp broadcast edge against a WireMock Graph API answering as Meta does. */
class WhatsAppBroadcastChannelTest {

	private static final String TO = "16505551234";

	@RegisterExtension
	static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final AtomicInteger turns = new AtomicInteger();

	private final List<String> unreachable = new CopyOnWriteArrayList<>();

	private final InMemoryMarketingConsents consents = new InMemoryMarketingConsents();

	private final WhatsAppAccount account = new WhatsAppAccount();

	private final ReachabilityListener reachability = (channel, userId, reachable) -> Mono
		.fromRunnable(() -> this.unreachable.add(channel + " " + userId + " " + reachable));

	private final List<String> pacing = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final SendPacing recordingPacing = new SendPacing() {

		@Override
		public Mono<Void> awaitTurn(String recipient) {
			return awaitTurn(recipient, SendPriority.REPLY);
		}

		@Override
		public Mono<Void> awaitTurn(String recipient, SendPriority priority) {
			return Mono.fromRunnable(() -> {
				WhatsAppBroadcastChannelTest.this.turns.incrementAndGet();
				WhatsAppBroadcastChannelTest.this.pacing.add("turn " + priority);
			});
		}

		@Override
		public Mono<Void> holdOff(Duration wait) {
			return Mono.fromRunnable(() -> WhatsAppBroadcastChannelTest.this.pacing.add("hold off " + wait));
		}

	};

	private final WhatsAppBroadcastChannel channel = channel(MessagingLimit.UNLIMITED);

	private WhatsAppBroadcastChannel channel(MessagingLimit limit) {
		return new WhatsAppBroadcastChannel(
				// retries configured as in production: the broadcast edge must not use
				// them
				GraphApiTest.api(TestWhatsApp.properties(graph.baseUrl(), "retries.max-attempts=4")),
				this.recordingPacing, this.account,
				new WhatsAppBroadcastChannel.Members(this.reachability,
						new ChangeMarketingConsent(this.consents, TestClock.fixed())),
				limit, Duration.ofSeconds(1), Duration.ofSeconds(30), TestClock.fixed());
	}

	@Test
	void should_take_its_turn_as_bulk_so_replies_go_first() {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.accepted(GraphApiTest.WAMID)));

		this.channel.send(recipient(), rendered()).as(StepVerifier::create).expectNextCount(1).verifyComplete();

		assertThat(this.pacing).containsExactly("turn BULK");
	}

	@Test
	void should_come_back_when_the_messaging_limit_has_room_without_taking_a_turn_or_sending() {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.accepted(GraphApiTest.WAMID)));
		MessagingLimit full = (waId) -> Mono.just(Duration.ofMinutes(42));

		channel(full).send(recipient(), rendered())
			.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).isInstanceOfSatisfying(SendResult.RetryAt.class,
					(retry) -> assertThat(retry.at()).isEqualTo(TestClock.NOW.plus(Duration.ofMinutes(42)))))
			.verifyComplete();
		assertThat(this.pacing).isEmpty();
		graph.verify(0, postRequestedFor(urlEqualTo(GraphApiTest.MESSAGES)));
	}

	@Test
	void should_send_the_rendered_template_in_its_turn_and_answer_the_wamid() {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.accepted(GraphApiTest.WAMID)));

		this.channel.send(recipient(), rendered())
			.as(StepVerifier::create)
			.expectNext(new SendResult.Sent(GraphApiTest.WAMID))
			.verifyComplete();

		graph.verify(1, postRequestedFor(urlEqualTo(GraphApiTest.MESSAGES)).withRequestBody(equalToJson("""
				{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "16505551234",
				 "type": "template", "template": {"name": "spring_sale", "language": {"code": "en_US"},
				 "components": [{"type": "body", "parameters": [{"type": "text", "text": "Pablo"}]}]}}""", true,
				true)));
		assertThat(this.turns).hasValue(1);
	}

	@Test
	void should_send_a_media_header_by_its_link_and_the_broadcast_mark_when_the_template_has_one() {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.accepted(GraphApiTest.WAMID)));
		for (String media : List.of("IMAGE", "DOCUMENT")) {
			TemplateListing listing = new TemplateListing("1234567891", "spring_look", "en_US", "MARKETING",
					TemplateStatus.APPROVED, ParameterFormat.POSITIONAL,
					List.of(TemplateComponent.of("HEADER", media, null, List.of()),
							TemplateComponent.of("BODY", null, "Hello {{1}}", List.of())));
			WhatsAppTemplate template = new WhatsAppTemplate(TemplateId.random(), listing, TestClock.NOW, null);
			String kind = media.toLowerCase(java.util.Locale.ROOT);
			RenderedTemplate rendered = new WhatsAppTemplateRenderer().render(template, member(), new TemplateFill(
					Map.of("header." + kind, "https://cdn.example/spring." + kind, "body.1", "Pablo"), "CARD", ""));

			this.channel.send(recipient(), rendered)
				.as(StepVerifier::create)
				.expectNext(new SendResult.Sent(GraphApiTest.WAMID))
				.verifyComplete();

			graph.verify(1,
					postRequestedFor(urlEqualTo(GraphApiTest.MESSAGES)).withRequestBody(equalToJson(
							"""
									{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "16505551234",
									 "type": "template", "biz_opaque_callback_data": "punchcard:broadcast",
									 "template": {"name": "spring_look", "language": {"code": "en_US"},
									 "components": [
									   {"type": "header", "parameters": [{"type": "%1$s", "%1$s": {"link": "https://cdn.example/spring.%1$s"}}]},
									   {"type": "body", "parameters": [{"type": "text", "text": "Pablo"}]}]}}"""
								.formatted(kind),
							false, false)));
		}
	}

	@Test
	void should_come_back_soon_after_one_call_when_the_numbers_throughput_is_reached() {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.graphError(400, 130429,
				"(#130429) Rate limit hit", "Cloud API message throughput has been reached.")));

		this.channel.send(recipient(), rendered())
			.as(StepVerifier::create)
			.expectNext(new SendResult.RetryAt(TestClock.NOW.plus(WhatsAppBroadcastChannel.THROUGHPUT_RETRY), "130429",
					"Cloud API message throughput has been reached."))
			.verifyComplete();
		graph.verify(1, postRequestedFor(urlEqualTo(GraphApiTest.MESSAGES)));
		assertThat(this.pacing).as("the number's budget held off for every instance")
			.containsExactly("turn BULK", "hold off PT1S");
	}

	@Test
	void should_try_again_in_24_hours_when_meta_holds_the_marketing_message_back() {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.graphError(400, 131049,
				"This message was not delivered to maintain healthy ecosystem engagement.",
				"In order to maintain a healthy ecosystem engagement, the message failed to be delivered.")));

		this.channel.send(recipient(), rendered())
			.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).isInstanceOfSatisfying(SendResult.RetryAt.class, (retry) -> {
				assertThat(retry.at()).isEqualTo(TestClock.NOW.plus(Duration.ofHours(24)));
				assertThat(retry.code()).isEqualTo("131049");
			}))
			.verifyComplete();
	}

	@Test
	void should_skip_the_member_and_record_the_opt_out_when_they_stopped_marketing_messages() {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.graphError(400, 131050,
				"Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on "
						+ "WhatsApp from your business.",
				"Unable to deliver the message. This recipient has chosen to stop receiving marketing messages.")));

		this.channel.send(recipient(), rendered())
			.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).isInstanceOfSatisfying(SendResult.Skipped.class, (skipped) -> {
				assertThat(skipped.reason()).isEqualTo(SkipReason.OPTED_OUT);
				assertThat(skipped.code()).isEqualTo("131050");
			}))
			.verifyComplete();
		this.consents.optedOut(ChatChannel.WHATSAPP, TO).as(StepVerifier::create).expectNext(true).verifyComplete();
		assertThat(this.consents.sourceOf(ChatChannel.WHATSAPP, TO)).isEqualTo("whatsapp:131050");
	}

	@Test
	void should_skip_the_member_and_mark_them_unreachable_when_whatsapp_cannot_deliver_to_them() {
		graph.stubFor(post(GraphApiTest.MESSAGES)
			.willReturn(GraphApiTest.graphError(400, 131026, "Message Undeliverable.", "Message Undeliverable.")));

		this.channel.send(recipient(), rendered())
			.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).isInstanceOfSatisfying(SendResult.Skipped.class,
					(skipped) -> assertThat(skipped.reason()).isEqualTo(SkipReason.UNREACHABLE)))
			.verifyComplete();
		assertThat(this.unreachable).containsExactly("WHATSAPP " + TO + " false");
	}

	@Test
	void should_pause_the_broadcast_with_metas_reason_when_the_template_does_not_exist_in_the_language() {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(
				GraphApiTest.graphError(404, 132001, "(#132001) Template name does not exist in the translation",
						"template name (spring_sale) does not exist in en_US")));

		this.channel.send(recipient(), rendered())
			.as(StepVerifier::create)
			.expectNext(new SendResult.PauseBroadcast("132001",
					"WhatsApp refused the template: template name (spring_sale) does not exist in en_US"))
			.verifyComplete();
	}

	@Test
	void should_pause_the_broadcast_when_meta_paused_the_template() {
		graph.stubFor(post(GraphApiTest.MESSAGES)
			.willReturn(GraphApiTest.graphError(400, 132015, "(#132015) Cannot send message as the template is paused",
					"Template is paused due to low quality so it cannot be sent in a template message.")));

		this.channel.send(recipient(), rendered())
			.as(StepVerifier::create)
			.assertNext(
					(result) -> assertThat(result).isInstanceOfSatisfying(SendResult.PauseBroadcast.class, (pause) -> {
						assertThat(pause.code()).isEqualTo("132015");
						assertThat(pause.reason()).contains("paused due to low quality");
					}))
			.verifyComplete();
	}

	@Test
	void should_error_after_one_call_for_the_sender_to_back_off_when_meta_answers_500() {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.graphError(500, 131000,
				"Something went wrong", "Message failed to send because of an unknown error.")));

		this.channel.send(recipient(), rendered())
			.as(StepVerifier::create)
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(BroadcastSendException.class, (failure) -> {
						assertThat(failure.code()).isEqualTo("131000");
						assertThat(failure.getMessage()).contains("unknown error")
							.doesNotContain(TestWhatsApp.ACCESS_TOKEN);
					}))
			.verify(Duration.ofSeconds(5));
		graph.verify(1, postRequestedFor(urlEqualTo(GraphApiTest.MESSAGES)));
	}

	@Test
	void should_stop_sending_from_this_instance_when_the_access_token_expired() {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.graphError(401, 190,
				"Error validating access token: Session has expired", "Error validating access token")));
		assertThat(this.channel.ready()).isTrue();

		this.channel.send(recipient(), rendered())
			.as(StepVerifier::create)
			.expectError(BroadcastSendException.class)
			.verify(Duration.ofSeconds(5));

		assertThat(this.channel.ready()).isFalse();
	}

	/** The template as {@link WhatsAppTemplateRenderer} renders it for the member. */
	private static RenderedTemplate rendered() {
		TemplateListing listing = new TemplateListing("1234567890", "spring_sale", "en_US", "MARKETING",
				TemplateStatus.APPROVED, ParameterFormat.POSITIONAL,
				List.of(TemplateComponent.of("BODY", null, "Hello {{1}}, 20% off this week", List.of())));
		WhatsAppTemplate template = new WhatsAppTemplate(TemplateId.random(), listing, TestClock.NOW, null);
		return new WhatsAppTemplateRenderer().render(template, member(),
				new TemplateFill(Map.of("body.1", "Pablo"), "CARD", ""));
	}

	private static MemberFieldValues member() {
		return new MemberFieldValues(CustomerId.random(), "Pablo Morales", "en", "Bronze", 10, null, 0, null, "REF1",
				1001, TO, null);
	}

	private static ClaimedRecipient recipient() {
		return new ClaimedRecipient(1, BroadcastId.random(), CustomerId.random(), ChatChannel.WHATSAPP, TO, "en",
				TemplateId.random(), new TemplateUse(Map.of(), null), "broadcast:1", 1,
				Instant.parse("2026-11-22T10:02:00Z"));
	}

}
