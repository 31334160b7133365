package dev.punchcard.bot.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.punchcard.bot.broadcast.BroadcastSendException;
import dev.punchcard.bot.pacing.RateLimitWaitTooLongException;
import dev.punchcard.bot.pacing.SendPacing;
import dev.punchcard.bot.template.RenderedTemplate;
import dev.punchcard.bot.template.TemplateFill;
import dev.punchcard.core.broadcast.application.ClaimedRecipient;
import dev.punchcard.core.broadcast.application.SendResult;
import dev.punchcard.core.broadcast.application.SkipReason;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.campaign.application.MemberFieldValues;
import dev.punchcard.core.campaign.domain.TelegramButton;
import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateImage;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class TelegramBroadcastChannelTest {

	private static final String CHAT = "222222222";

	@RegisterExtension
	static WireMockExtension telegram = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final AtomicInteger turns = new AtomicInteger();

	private final RecordingReachability reachability = new RecordingReachability();

	private final TelegramBroadcastChannel channel = channel((chat) -> Mono.fromRunnable(this.turns::incrementAndGet));

	@Test
	void should_send_the_rendered_html_with_its_buttons_and_answer_the_chat_and_message_id() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(sentMessage(69587)));

		this.channel.send(recipient(), rendered(TemplateImage.NONE))
			.as(StepVerifier::create)
			.expectNext(new SendResult.Sent(CHAT + ":69587"))
			.verifyComplete();

		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))).withRequestBody(equalToJson(
				"""
						{"chat_id": "222222222", "text": "<b>Hi</b> Mario", "parse_mode": "HTML",
						 "reply_markup": {"inline_keyboard": [[{"text": "Stop promotions", "callback_data": "m:stop"}]]}}""",
				true, true)));
		assertThat(this.turns).as("one turn of the pacing per message").hasValue(1);
	}

	@Test
	void should_upload_the_voucher_qr_code_with_the_caption_and_buttons_when_the_template_has_an_image() {
		telegram.stubFor(post(TestTelegram.path("sendPhoto")).willReturn(sentMessage(7)));

		this.channel.send(recipient(), rendered(TemplateImage.CAMPAIGN_VOUCHER))
			.as(StepVerifier::create)
			.expectNext(new SendResult.Sent(CHAT + ":7"))
			.verifyComplete();

		telegram.verify(postRequestedFor(urlEqualTo(TestTelegram.path("sendPhoto")))
			.withRequestBodyPart(aMultipart().withName("chat_id").withBody(equalTo(CHAT)).build())
			.withRequestBodyPart(aMultipart().withName("caption").withBody(equalTo("<b>Hi</b> Mario")).build())
			.withRequestBodyPart(aMultipart().withName("reply_markup").withBody(containing("m:stop")).build())
			.withRequestBodyPart(
					aMultipart().withName("photo").withHeader("Content-Type", equalTo("image/png")).build()));
	}

	@Test
	void should_come_back_after_retry_after_without_waiting_when_telegram_answers_429() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withHeader("Retry-After", "7")
			.withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\","
					+ "\"parameters\":{\"retry_after\":7}}")));

		this.channel.send(recipient(), rendered(TemplateImage.NONE))
			.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).isInstanceOfSatisfying(SendResult.RetryAt.class, (retry) -> {
				assertThat(retry.at()).isEqualTo(TestClock.NOW.plusSeconds(7));
				assertThat(retry.code()).isEqualTo("429");
			}))
			.verifyComplete();
		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))));
	}

	@Test
	void should_take_bulk_turns_and_hold_the_whole_bot_off_for_retry_after_when_telegram_answers_429() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\","
					+ "\"parameters\":{\"retry_after\":7}}")));
		List<String> pacing = new java.util.concurrent.CopyOnWriteArrayList<>();
		TelegramBroadcastChannel recorded = channel(new SendPacing() {

			@Override
			public Mono<Void> awaitTurn(String chatId) {
				return awaitTurn(chatId, dev.punchcard.bot.pacing.SendPriority.REPLY);
			}

			@Override
			public Mono<Void> awaitTurn(String chatId, dev.punchcard.bot.pacing.SendPriority priority) {
				return Mono.fromRunnable(() -> pacing.add("turn " + priority));
			}

			@Override
			public Mono<Void> holdOff(Duration wait) {
				return Mono.fromRunnable(() -> pacing.add("hold off " + wait));
			}

		});

		recorded.send(recipient(), rendered(TemplateImage.NONE))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();

		assertThat(pacing).containsExactly("turn BULK", "hold off PT7S");
	}

	@Test
	void should_skip_the_member_and_mark_the_chat_unreachable_when_the_bot_is_blocked() {
		telegram.stubFor(post(TestTelegram.path("sendMessage"))
			.willReturn(TestTelegram.error(403, "Forbidden: bot was blocked by the user")));

		this.channel.send(recipient(), rendered(TemplateImage.NONE))
			.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).isInstanceOfSatisfying(SendResult.Skipped.class, (skipped) -> {
				assertThat(skipped.reason()).isEqualTo(SkipReason.UNREACHABLE);
				assertThat(skipped.code()).isEqualTo("403");
				assertThat(skipped.detail()).contains("bot was blocked by the user");
			}))
			.verifyComplete();
		assertThat(this.reachability.changes()).containsExactly("TELEGRAM " + CHAT + " false");
		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))));
	}

	@Test
	void should_skip_the_member_and_mark_the_chat_unreachable_when_the_chat_is_not_found() {
		telegram.stubFor(post(TestTelegram.path("sendMessage"))
			.willReturn(TestTelegram.error(400, "Bad Request: chat not found")));

		this.channel.send(recipient(), rendered(TemplateImage.NONE))
			.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).isInstanceOfSatisfying(SendResult.Skipped.class,
					(skipped) -> assertThat(skipped.code()).isEqualTo("400")))
			.verifyComplete();
		assertThat(this.reachability.changes()).containsExactly("TELEGRAM " + CHAT + " false");
	}

	@Test
	void should_error_once_for_the_sender_to_back_off_when_telegram_answers_500() {
		telegram.stubFor(
				post(TestTelegram.path("sendMessage")).willReturn(TestTelegram.error(500, "Internal Server Error")));

		this.channel.send(recipient(), rendered(TemplateImage.NONE))
			.as(StepVerifier::create)
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(BroadcastSendException.class, (failure) -> {
						assertThat(failure.code()).isEqualTo("500");
						assertThat(failure.getMessage()).contains("Internal Server Error")
							.doesNotContain(TestTelegram.TOKEN);
					}))
			.verify(Duration.ofSeconds(5));
		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))));
		assertThat(this.reachability.changes()).isEmpty();
	}

	@Test
	void should_come_back_soon_without_calling_telegram_when_the_pacing_has_no_turn_in_time() {
		TelegramBroadcastChannel busy = channel(
				(chat) -> Mono.error(new RateLimitWaitTooLongException("pacing:telegram:1", Duration.ofSeconds(10))));

		busy.send(recipient(), rendered(TemplateImage.NONE))
			.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).isInstanceOfSatisfying(SendResult.RetryAt.class,
					(retry) -> assertThat(retry.code()).isEqualTo("PACING")))
			.verifyComplete();
		telegram.verify(0, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))));
	}

	@Test
	void should_count_a_long_message_sent_when_a_later_part_fails_after_the_first_went() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).inScenario("long")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(sentMessage(11))
			.willSetStateTo("first sent"));
		telegram.stubFor(post(TestTelegram.path("sendMessage")).inScenario("long")
			.whenScenarioStateIs("first sent")
			.willReturn(TestTelegram.error(500, "Internal Server Error")));
		RenderedTemplate twoParts = new RenderedTemplate("a b", List.of("{\"chat_id\":\"" + CHAT + "\",\"text\":\"a\"}",
				"{\"chat_id\":\"" + CHAT + "\",\"text\":\"b\"}"), CHAT);

		this.channel.send(recipient(), twoParts)
			.as(StepVerifier::create)
			.expectNext(new SendResult.Sent(CHAT + ":11"))
			.verifyComplete();
		telegram.verify(2, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))));
	}

	private TelegramBroadcastChannel channel(SendPacing pacing) {
		return new TelegramBroadcastChannel(TestTelegram.api(TestTelegram.properties(telegram.baseUrl())), pacing,
				this.reachability, TestClock.fixed());
	}

	private static ResponseDefinitionBuilder sentMessage(long id) {
		return TestTelegram.ok("{\"message_id\":" + id + ",\"date\":1700000000,\"chat\":{\"id\":" + CHAT
				+ ",\"type\":\"private\"},\"text\":\"Hi Mario\"}");
	}

	/** The template as the real renderer makes it: bold mark-up, a STOP button. */
	private static RenderedTemplate rendered(TemplateImage image) {
		StaffId author = StaffId.random();
		TelegramTemplate template = new TelegramTemplate(TemplateId.random(), "offer", Map.of("en", "*Hi* {{name}}"),
				image, List.of(new TelegramButton("Stop promotions", null, "stop")), author, TestClock.NOW, author,
				TestClock.NOW);
		MemberFieldValues member = new MemberFieldValues(new CustomerId(java.util.UUID.randomUUID()), "Mario Rossi",
				"en", "Bronze", 10, null, 0, null, "REF1", 1001, null, CHAT);
		return new TelegramTemplateRenderer().render(template, member,
				new TemplateFill(Map.of("name", "Mario"), "CARD-CODE", "VOUCHER-CODE"));
	}

	private static ClaimedRecipient recipient() {
		return new ClaimedRecipient(1, BroadcastId.random(), new CustomerId(java.util.UUID.randomUUID()),
				ChatChannel.TELEGRAM, CHAT, "en", TemplateId.random(), new TemplateUse(Map.of(), null), "broadcast:1",
				1, Instant.parse("2026-11-22T10:02:00Z"));
	}

}
