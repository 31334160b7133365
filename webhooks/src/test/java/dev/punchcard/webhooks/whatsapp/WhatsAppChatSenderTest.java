package dev.punchcard.webhooks.whatsapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.actuate.health.Status;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.punchcard.core.chat.application.OutgoingMessages;
import dev.punchcard.core.shared.domain.ChatChannel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.punchcard.core.chat.application.InMemoryOutgoingMessages;
import dev.punchcard.bot.conversation.BotReply;
import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.conversation.MessageNotAllowedException;
import dev.punchcard.bot.conversation.RecipientUnreachableException;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class WhatsAppChatSenderTest {

	private static final String TO = "16505551234";

	private static final String MEDIA_ID = "1037543291543636";

	@RegisterExtension
	static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final GraphApi api = GraphApiTest.api(TestWhatsApp.properties(graph.baseUrl()));

	private final InMemoryOutgoingMessages outgoing = new InMemoryOutgoingMessages();

	private final InMemoryServiceWindow window = new InMemoryServiceWindow();

	private final WhatsAppChatSender sender = sender((recipient) -> Mono.empty(), this.outgoing, new WhatsAppAccount());

	@Test
	void should_upload_then_send_the_image_and_the_text_in_order_when_a_reply_has_both() throws Exception {
		graph.stubFor(post(GraphApiTest.MEDIA).willReturn(WireMock.okJson("{\"id\": \"" + MEDIA_ID + "\"}")));
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.accepted(GraphApiTest.WAMID)));
		BotReply reply = reply(new OutgoingMessage.Image(new byte[] { 1, 2, 3 }, MarkedText.plain("Your card")),
				OutgoingMessage.Text.of(MarkedText.plain("Show it at the till")));

		this.sender.send(reply).as(StepVerifier::create).verifyComplete();

		List<LoggedRequest> requests = graph.findAll(postRequestedFor(anyUrl()));
		assertThat(requests).extracting(LoggedRequest::getUrl)
			.containsExactly(GraphApiTest.MEDIA, GraphApiTest.MESSAGES, GraphApiTest.MESSAGES);
		JSONAssert.assertEquals("""
				{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "16505551234", "type": "image",
				 "image": {"id": "1037543291543636", "caption": "Your card"}}""", withoutOurId(requests.get(1)),
				JSONCompareMode.STRICT);
		JSONAssert.assertEquals("""
				{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "16505551234", "type": "text",
				 "text": {"preview_url": false, "body": "Show it at the till"}}""", withoutOurId(requests.get(2)),
				JSONCompareMode.STRICT);
		// each message carries our own id, and is recorded under its wamid with it
		assertThat(this.outgoing.ourId(ChatChannel.WHATSAPP, GraphApiTest.WAMID))
			.contains(UUID.fromString(ourId(requests.get(2))));
		assertThat(ourId(requests.get(1))).isNotEqualTo(ourId(requests.get(2)));
	}

	@Test
	void should_stop_sending_and_report_out_of_service_when_the_token_expired() {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.graphError(401, 190,
				"Error validating access token: Session has expired", "Error validating access token")));
		WhatsAppAccount account = new WhatsAppAccount();
		WhatsAppChatSender sender = sender((recipient) -> Mono.empty(), this.outgoing, account);
		WhatsAppHealthIndicator health = new WhatsAppHealthIndicator(account);
		health.health()
			.as(StepVerifier::create)
			.assertNext((up) -> assertThat(up.getStatus()).isEqualTo(Status.UP))
			.verifyComplete();

		sender.send(reply(OutgoingMessage.Text.of(MarkedText.plain("one"))))
			.as(StepVerifier::create)
			.expectError(GraphApiException.class)
			.verify(Duration.ofSeconds(5));
		sender.send(reply(OutgoingMessage.Text.of(MarkedText.plain("two"))))
			.as(StepVerifier::create)
			.expectError(WhatsAppSendingStoppedException.class)
			.verify(Duration.ofSeconds(5));

		graph.verify(1, postRequestedFor(urlEqualTo(GraphApiTest.MESSAGES)));
		health.health().as(StepVerifier::create).assertNext((stopped) -> {
			assertThat(stopped.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(stopped.getDetails()).containsEntry("error", 190);
		}).verifyComplete();
	}

	@Test
	void should_still_count_the_message_sent_when_recording_it_fails() {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.accepted(GraphApiTest.WAMID)));
		OutgoingMessages broken = new InMemoryOutgoingMessages() {
			@Override
			public Mono<Void> accepted(ChatChannel channel, String platformId, UUID ourId, String recipient,
					UUID notificationId) {
				return Mono.error(new IllegalStateException("database down (test)"));
			}
		};
		WhatsAppChatSender sender = sender((recipient) -> Mono.empty(), broken, new WhatsAppAccount());

		sender.send(reply(OutgoingMessage.Text.of(MarkedText.plain("one")))).as(StepVerifier::create).verifyComplete();
		graph.verify(1, postRequestedFor(urlEqualTo(GraphApiTest.MESSAGES)));
	}

	private static String ourId(LoggedRequest request) {
		try {
			return new ObjectMapper().readTree(request.getBodyAsString()).path("biz_opaque_callback_data").asText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String withoutOurId(LoggedRequest request) {
		try {
			ObjectNode body = (ObjectNode) new ObjectMapper().readTree(request.getBodyAsString());
			assertThat(UUID.fromString(body.remove("biz_opaque_callback_data").asText())).isNotNull();
			return body.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void should_fail_as_recipient_unreachable_and_send_no_more_when_meta_answers_131026() {
		graph.stubFor(post(GraphApiTest.MESSAGES)
			.willReturn(GraphApiTest.graphError(400, 131026, "Message undeliverable", "Message Undeliverable.")));
		BotReply reply = reply(OutgoingMessage.Text.of(MarkedText.plain("one")),
				OutgoingMessage.Text.of(MarkedText.plain("two")));

		this.sender.send(reply)
			.as(StepVerifier::create)
			.expectError(RecipientUnreachableException.class)
			.verify(Duration.ofSeconds(5));
		graph.verify(1, postRequestedFor(urlEqualTo(GraphApiTest.MESSAGES)));
	}

	@Test
	void should_refuse_as_not_allowed_when_the_24_hour_window_is_closed() {
		graph.stubFor(post(GraphApiTest.MESSAGES)
			.willReturn(GraphApiTest.graphError(400, 131047, "Re-engagement message", "Message failed to send.")));

		this.sender.send(reply(OutgoingMessage.Text.of(MarkedText.plain("one"))))
			.as(StepVerifier::create)
			.expectError(MessageNotAllowedException.class)
			.verify(Duration.ofSeconds(5));
		graph.verify(1, postRequestedFor(urlEqualTo(GraphApiTest.MESSAGES)));
	}

	@Test
	void should_wait_longer_each_time_and_take_a_new_turn_when_the_recipient_got_too_much() {
		graph.stubFor(post(GraphApiTest.MESSAGES).inScenario("pair")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willReturn(GraphApiTest.graphError(400, 131056, "(Business Account, Consumer Account) pair rate limit hit",
					"Message failed to send because there were too many messages sent from this phone number "
							+ "to the same phone number in a short period of time."))
			.willSetStateTo("once"));
		graph.stubFor(post(GraphApiTest.MESSAGES).inScenario("pair")
			.whenScenarioStateIs("once")
			.willReturn(GraphApiTest.graphError(400, 131056, "pair rate limit hit", "Too many messages."))
			.willSetStateTo("recovered"));
		graph.stubFor(post(GraphApiTest.MESSAGES).inScenario("pair")
			.whenScenarioStateIs("recovered")
			.willReturn(GraphApiTest.accepted(GraphApiTest.WAMID)));
		List<Long> turns = new CopyOnWriteArrayList<>();
		WhatsAppChatSender paced = sender((recipient) -> Mono.fromRunnable(() -> turns.add(System.nanoTime())),
				this.outgoing, new WhatsAppAccount());

		paced.send(reply(OutgoingMessage.Text.of(MarkedText.plain("one")))).as(StepVerifier::create).verifyComplete();

		graph.verify(3, postRequestedFor(urlEqualTo(GraphApiTest.MESSAGES)));
		assertThat(turns).as("a turn before each try").hasSize(3);
		assertThat(Duration.ofNanos(turns.get(2) - turns.get(1))).as("10 ms, then 40 ms")
			.isGreaterThanOrEqualTo(Duration.ofMillis(40));
	}

	@Test
	void should_give_up_after_three_more_tries_when_the_pair_limit_stays() {
		graph.stubFor(post(GraphApiTest.MESSAGES)
			.willReturn(GraphApiTest.graphError(400, 131056, "pair rate limit hit", "Too many messages.")));

		this.sender.send(reply(OutgoingMessage.Text.of(MarkedText.plain("one"))))
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(GraphApiException.class,
					(graphError) -> assertThat(graphError.pairRateLimited()).isTrue()))
			.verify(Duration.ofSeconds(5));
		graph.verify(4, postRequestedFor(urlEqualTo(GraphApiTest.MESSAGES)));
	}

	@Test
	void should_pass_other_graph_errors_on_when_meta_refuses_a_send() {
		graph.stubFor(post(GraphApiTest.MESSAGES)
			.willReturn(GraphApiTest.graphError(400, 131009, "Parameter value is not valid", "Invalid parameter.")));

		this.sender.send(reply(OutgoingMessage.Text.of(MarkedText.plain("one"))))
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(GraphApiException.class,
					(graphError) -> assertThat(graphError.code()).isEqualTo(131009)))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void should_await_a_turn_for_the_recipient_once_per_message_when_sending_a_reply() {
		graph.stubFor(post(GraphApiTest.MEDIA).willReturn(WireMock.okJson("{\"id\": \"" + MEDIA_ID + "\"}")));
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.accepted(GraphApiTest.WAMID)));
		List<String> turns = new CopyOnWriteArrayList<>();
		WhatsAppChatSender paced = sender((recipient) -> Mono.fromRunnable(() -> turns.add(recipient)), this.outgoing,
				new WhatsAppAccount());
		BotReply reply = reply(OutgoingMessage.Text.of(MarkedText.plain("one")),
				new OutgoingMessage.Image(new byte[] { 1 }, MarkedText.plain("card")),
				new OutgoingMessage.ButtonAnswer("wamid.pressed", null),
				OutgoingMessage.Text.of(MarkedText.plain("two")));

		paced.send(reply).as(StepVerifier::create).verifyComplete();

		assertThat(turns).containsExactly(TO, TO, TO);
		graph.verify(3, postRequestedFor(urlEqualTo(GraphApiTest.MESSAGES)));
	}

	@Test
	void should_emit_the_wamid_when_sending_a_ready_body() {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.accepted(GraphApiTest.WAMID)));

		this.sender.sendBody(TO, WhatsAppMessages.imageBody(TO, MEDIA_ID, ""), null)
			.as(StepVerifier::create)
			.expectNext(GraphApiTest.WAMID)
			.verifyComplete();
	}

	@Test
	void should_name_whatsapp_when_asked_for_its_channel() {
		assertThat(this.sender.channel()).isEqualTo(ChatChannel.WHATSAPP);
	}

	@Test
	void should_send_a_notice_as_text_and_record_its_notification_when_the_window_is_open() throws Exception {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.accepted(GraphApiTest.WAMID)));
		this.window.userWrote(TO, Instant.now().minus(Duration.ofHours(23))).block();

		this.sender.send(reply(notice(false))).as(StepVerifier::create).verifyComplete();

		List<LoggedRequest> requests = graph.findAll(postRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		JSONAssert.assertEquals("""
				{"to": "16505551234", "type": "text", "text": {"body": "You earned *+20* points at Main St"}}""",
				requests.get(0).getBodyAsString(), JSONCompareMode.LENIENT);
		assertThat(this.outgoing.notificationOf(ChatChannel.WHATSAPP, GraphApiTest.WAMID).block())
			.isEqualTo(NOTIFICATION);
	}

	@Test
	void should_send_a_notice_as_its_template_when_the_window_is_closed() throws Exception {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.accepted(GraphApiTest.WAMID)));
		this.window.userWrote(TO, Instant.now().minus(Duration.ofHours(25))).block();

		this.sender.send(reply(notice(false))).as(StepVerifier::create).verifyComplete();

		List<LoggedRequest> requests = graph.findAll(postRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		JSONAssert.assertEquals(
				"""
						{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "16505551234", "type": "template",
						 "template": {"name": "points_credited", "language": {"code": "ru"}, "components": [{"type": "body",
						   "parameters": [{"type": "text", "text": "20"}, {"type": "text", "text": "Main St"},
						                  {"type": "text", "text": "120"}]}]}}""",
				withoutOurId(requests.get(0)), JSONCompareMode.STRICT);
		assertThat(this.outgoing.notificationOf(ChatChannel.WHATSAPP, GraphApiTest.WAMID).block())
			.isEqualTo(NOTIFICATION);
	}

	@Test
	void should_send_the_template_when_whatsapp_refuses_the_text_as_outside_the_window() throws Exception {
		graph.stubFor(post(GraphApiTest.MESSAGES)
			.withRequestBody(WireMock.matchingJsonPath("$.type", WireMock.equalTo("text")))
			.willReturn(GraphApiTest.graphError(400, 131047, "Re-engagement message", "Message failed to send.")));
		graph.stubFor(post(GraphApiTest.MESSAGES)
			.withRequestBody(WireMock.matchingJsonPath("$.type", WireMock.equalTo("template")))
			.willReturn(GraphApiTest.accepted(GraphApiTest.WAMID)));
		this.window.userWrote(TO, Instant.now().minus(Duration.ofHours(1))).block();

		this.sender.send(reply(notice(false))).as(StepVerifier::create).verifyComplete();

		assertThat(graph.findAll(postRequestedFor(anyUrl()))).extracting(WhatsAppChatSenderTest::type)
			.containsExactly("text", "template");
		assertThat(this.window.knows(TO)).as("the window is known to be closed").isFalse();
	}

	@Test
	void should_send_only_the_template_when_the_notice_was_refused_as_text_before() {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.accepted(GraphApiTest.WAMID)));
		this.window.userWrote(TO, Instant.now()).block();

		this.sender.send(reply(notice(true))).as(StepVerifier::create).verifyComplete();

		assertThat(graph.findAll(postRequestedFor(anyUrl()))).extracting(WhatsAppChatSenderTest::type)
			.containsExactly("template");
	}

	@Test
	void should_refuse_the_notice_naming_the_template_and_not_repeat_it_when_whatsapp_rejects_the_template() {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.graphError(404, 132001,
				"Template name does not exist in the translation", "template name (points_credited) does not exist")));

		this.sender.send(reply(notice(true)))
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(MessageNotAllowedException.class)
				.hasMessageContaining("points_credited (ru)")
				.hasMessageContaining("132001"))
			.verify(Duration.ofSeconds(5));
		graph.verify(1, postRequestedFor(urlEqualTo(GraphApiTest.MESSAGES)));
	}

	@Test
	void should_fill_named_parameters_when_the_template_names_them() throws Exception {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.accepted(GraphApiTest.WAMID)));
		NoticeTemplates named = new NoticeTemplates(
				Map.of("points-credited", new WhatsAppProperties.NoticeTemplate("loyalty_credit",
						List.of("balance", "points"), WhatsAppProperties.ParameterFormat.NAMED)),
				Map.of("ru", "ru_RU"));
		WhatsAppChatSender sender = new WhatsAppChatSender(this.api, (recipient) -> Mono.empty(), this.outgoing,
				new WhatsAppAccount(), this.window, MessagingLimit.UNLIMITED, named, Duration.ofMillis(10));

		sender.send(reply(notice(true))).as(StepVerifier::create).verifyComplete();

		JSONAssert.assertEquals("""
				{"template": {"name": "loyalty_credit", "language": {"code": "ru_RU"}, "components": [{"type": "body",
				  "parameters": [{"type": "text", "parameter_name": "balance", "text": "120"},
				                 {"type": "text", "parameter_name": "points", "text": "20"}]}]}}""",
				graph.findAll(postRequestedFor(anyUrl())).get(0).getBodyAsString(), JSONCompareMode.LENIENT);
	}

	@Test
	void should_refuse_a_template_to_a_new_user_without_sending_it_while_the_messaging_limit_is_reached() {
		graph.stubFor(post(GraphApiTest.MESSAGES).willReturn(GraphApiTest.accepted(GraphApiTest.WAMID)));
		List<String> asked = new java.util.ArrayList<>();
		MessagingLimit full = (waId) -> {
			asked.add(waId);
			return Mono.just(Duration.ofMinutes(90));
		};
		WhatsAppChatSender sender = sender((recipient) -> Mono.empty(), this.outgoing, new WhatsAppAccount(), full);

		sender.send(reply(notice(true)))
			.as(StepVerifier::create)
			.verifyErrorSatisfies((error) -> assertThat(error).isInstanceOf(MessageNotAllowedException.class)
				.hasMessageContaining("messaging limit"));

		assertThat(asked).containsExactly(TO);
		assertThat(graph.findAll(postRequestedFor(anyUrl()))).isEmpty();
	}

	private static final UUID NOTIFICATION = UUID.fromString("0e6c2a52-5d0b-4d0c-9d3a-0c4f3b6a9e11");

	private static OutgoingMessage.Notice notice(boolean templateOnly) {
		return new OutgoingMessage.Notice(MarkedText.parse("You earned *+20* points at Main St", (raw) -> raw),
				"PointsCredited", "ru",
				Map.of("points", "20", "store", "Main St", "balance", "120", "amount", "20.00 EUR", "tier", "Silver"),
				NOTIFICATION, templateOnly);
	}

	private static String type(LoggedRequest request) {
		try {
			return new ObjectMapper().readTree(request.getBodyAsString()).path("type").asText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private WhatsAppChatSender sender(dev.punchcard.bot.pacing.SendPacing pacing, OutgoingMessages outgoing,
			WhatsAppAccount account) {
		return sender(pacing, outgoing, account, MessagingLimit.UNLIMITED);
	}

	private WhatsAppChatSender sender(dev.punchcard.bot.pacing.SendPacing pacing, OutgoingMessages outgoing,
			WhatsAppAccount account, MessagingLimit limit) {
		return new WhatsAppChatSender(this.api, pacing, outgoing, account, this.window, limit,
				new NoticeTemplates(Map.of(), Map.of("en", "en", "ru", "ru")), Duration.ofMillis(10));
	}

	private static BotReply reply(OutgoingMessage... messages) {
		return new BotReply(ChatChannel.WHATSAPP, TO, List.of(messages));
	}

}
