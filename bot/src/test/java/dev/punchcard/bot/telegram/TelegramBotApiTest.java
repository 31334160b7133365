package dev.punchcard.bot.telegram;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.punchcard.bot.conversation.RecipientUnreachableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class TelegramBotApiTest {

	@RegisterExtension
	static WireMockExtension telegram = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final TelegramBotApi api = TestTelegram.api(TestTelegram.properties(telegram.baseUrl()));

	@Test
	void should_post_html_text_to_the_token_url_when_sending_a_message() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(TestTelegram.sentMessage()));

		this.api.sendMessage(message("42", "<b>Hi</b>")).as(StepVerifier::create).verifyComplete();

		telegram.verify(postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage")))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(
					equalToJson("{\"chat_id\":\"42\",\"text\":\"<b>Hi</b>\",\"parse_mode\":\"HTML\"}", true, true)));
	}

	@Test
	void should_wait_retry_after_seconds_then_retry_when_telegram_answers_429() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).inScenario("flood")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("Content-Type", "application/json")
				.withHeader("Retry-After", "1")
				.withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
						+ "\"parameters\":{\"retry_after\":1}}"))
			.willSetStateTo("calm"));
		telegram.stubFor(post(TestTelegram.path("sendMessage")).inScenario("flood")
			.whenScenarioStateIs("calm")
			.willReturn(TestTelegram.sentMessage()));
		long started = System.nanoTime();

		this.api.sendMessage(message("42", "hi")).as(StepVerifier::create).verifyComplete();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		telegram.verify(2, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))));
	}

	@Test
	void should_hold_the_bots_shared_budget_off_for_retry_after_when_telegram_answers_429() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).inScenario("flood")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
						+ "\"parameters\":{\"retry_after\":1}}"))
			.willSetStateTo("calm"));
		telegram.stubFor(post(TestTelegram.path("sendMessage")).inScenario("flood")
			.whenScenarioStateIs("calm")
			.willReturn(TestTelegram.sentMessage()));
		java.util.List<Duration> heldOff = new java.util.concurrent.CopyOnWriteArrayList<>();
		TelegramProperties properties = TestTelegram.properties(telegram.baseUrl());
		TelegramBotApi holding = new TelegramBotApi(BotApiTransport.create(WebClient.builder(), properties),
				new BotApiRetry(properties.retries(), Schedulers.parallel(),
						(wait) -> Mono.fromRunnable(() -> heldOff.add(wait))));

		holding.sendMessage(message("42", "hi")).as(StepVerifier::create).verifyComplete();

		assertThat(heldOff).containsExactly(Duration.ofSeconds(1));
	}

	@Test
	void should_fail_without_waiting_when_retry_after_exceeds_the_maximum() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 3600\","
					+ "\"parameters\":{\"retry_after\":3600}}")));

		this.api.sendMessage(message("42", "hi"))
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(BotApiException.class,
					(api) -> assertThat(api.retryAfter()).isEqualTo(Duration.ofHours(1))))
			.verify(Duration.ofSeconds(5));
		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))));
	}

	@Test
	void should_report_the_recipient_unreachable_without_retrying_when_the_user_blocked_the_bot() {
		telegram.stubFor(post(TestTelegram.path("sendMessage"))
			.willReturn(TestTelegram.error(403, "Forbidden: bot was blocked by the user")));

		this.api.sendMessage(message("42", "hi"))
			.as(StepVerifier::create)
			.expectError(RecipientUnreachableException.class)
			.verify(Duration.ofSeconds(5));
		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))));
	}

	@Test
	void should_fail_without_retrying_when_telegram_rejects_the_request() {
		telegram.stubFor(post(TestTelegram.path("sendMessage"))
			.willReturn(TestTelegram.error(400, "Bad Request: can't parse entities")));

		this.api.sendMessage(message("42", "<b>"))
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(BotApiException.class)
				.hasMessageContaining("[400] Bad Request: can't parse entities"))
			.verify(Duration.ofSeconds(5));
		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))));
	}

	@Test
	void should_retry_when_telegram_answers_with_a_server_error() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).inScenario("outage")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>"))
			.willSetStateTo("back"));
		telegram.stubFor(post(TestTelegram.path("sendMessage")).inScenario("outage")
			.whenScenarioStateIs("back")
			.willReturn(TestTelegram.sentMessage()));

		this.api.sendMessage(message("42", "hi")).as(StepVerifier::create).verifyComplete();

		telegram.verify(2, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))));
	}

	@Test
	void should_give_up_after_the_configured_attempts_when_telegram_does_not_answer_in_time() {
		TelegramBotApi impatient = TestTelegram
			.api(TestTelegram.properties(telegram.baseUrl(), "timeouts.request=200ms", "retries.max-attempts=3"));
		telegram.stubFor(
				post(TestTelegram.path("sendMessage")).willReturn(TestTelegram.sentMessage().withFixedDelay(1_000)));

		impatient.sendMessage(message("42", "hi"))
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(BotApiException.class)
				.hasMessageContaining("timed out")
				.hasNoCause())
			.verify(Duration.ofSeconds(10));
		telegram.verify(3, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))));
	}

	@Test
	void should_keep_the_token_out_of_the_error_when_the_connection_fails() {
		TelegramBotApi unreachable = TestTelegram
			.api(TestTelegram.properties("http://127.0.0.1:1", "retries.max-attempts=1"));

		unreachable.sendMessage(message("42", "hi"))
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(BotApiException.class)
				.hasNoCause()
				.hasMessageNotContaining(TestTelegram.TOKEN))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void should_upload_the_png_as_multipart_with_an_html_caption_when_sending_a_photo() {
		telegram.stubFor(post(TestTelegram.path("sendPhoto")).willReturn(TestTelegram.sentMessage()));
		byte[] png = { (byte) 0x89, 'P', 'N', 'G' };

		this.api.sendPhoto("42", png, "Your <b>card</b>").as(StepVerifier::create).verifyComplete();

		telegram.verify(postRequestedFor(urlEqualTo(TestTelegram.path("sendPhoto")))
			.withHeader("Content-Type",
					com.github.tomakehurst.wiremock.client.WireMock.containing("multipart/form-data"))
			.withRequestBodyPart(aMultipart("chat_id").withBody(equalTo("42")).build())
			.withRequestBodyPart(aMultipart("caption").withBody(equalTo("Your <b>card</b>")).build())
			.withRequestBodyPart(aMultipart("parse_mode").withBody(equalTo("HTML")).build())
			.withRequestBodyPart(aMultipart("photo").withHeader("Content-Type", equalTo("image/png"))
				.withBody(com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo(png))
				.build()));
	}

	@Test
	void should_download_a_file_through_get_file_and_the_file_url() {
		TelegramChatFiles files = new TelegramChatFiles(this.api);
		telegram.stubFor(post(TestTelegram.path("getFile")).willReturn(TestTelegram
			.ok("{\"file_id\":\"SAAS\",\"file_unique_id\":\"u\",\"file_size\":4,\"file_path\":\"photos/file_7.jpg\"}")));
		telegram.stubFor(get("/file/bot" + TestTelegram.TOKEN + "/photos/file_7.jpg")
			.willReturn(aResponse().withBody(new byte[] { 1, 2, 3, 4 })));

		files.download("SAAS", 10)
			.as(StepVerifier::create)
			.assertNext((bytes) -> assertThat(bytes).containsExactly(1, 2, 3, 4))
			.verifyComplete();

		telegram.verify(postRequestedFor(urlEqualTo(TestTelegram.path("getFile")))
			.withRequestBody(equalToJson("{\"file_id\":\"SAAS\"}", true, true)));
	}

	@Test
	void should_not_download_a_file_when_telegram_says_it_is_over_the_limit() {
		TelegramChatFiles files = new TelegramChatFiles(this.api);
		telegram.stubFor(post(TestTelegram.path("getFile")).willReturn(TestTelegram
			.ok("{\"file_id\":\"BIG\",\"file_unique_id\":\"u\",\"file_size\":11000000,\"file_path\":\"photos/big.jpg\"}")));

		files.download("BIG", 10_000_000).as(StepVerifier::create).verifyComplete();

		telegram.verify(0, getRequestedFor(urlEqualTo("/file/bot" + TestTelegram.TOKEN + "/photos/big.jpg")));
	}

	@Test
	void should_stop_reading_when_a_file_of_unknown_size_turns_out_over_the_limit() {
		TelegramChatFiles files = new TelegramChatFiles(this.api);
		telegram.stubFor(post(TestTelegram.path("getFile")).willReturn(
				TestTelegram.ok("{\"file_id\":\"X\",\"file_unique_id\":\"u\",\"file_path\":\"photos/x.jpg\"}")));
		telegram.stubFor(get("/file/bot" + TestTelegram.TOKEN + "/photos/x.jpg")
			.willReturn(aResponse().withBody(new byte[64 * 1024])));

		files.download("X", 1024).as(StepVerifier::create).verifyComplete();
	}

	@Test
	void should_complete_empty_when_telegram_no_longer_knows_the_file() {
		TelegramChatFiles files = new TelegramChatFiles(this.api);
		telegram.stubFor(
				post(TestTelegram.path("getFile")).willReturn(TestTelegram.error(400, "Bad Request: invalid file_id")));

		files.download("GONE", 1024).as(StepVerifier::create).verifyComplete();
	}

	private static SendMessage message(String chatId, String html) {
		return SendMessage.builder().chatId(chatId).text(html).parseMode("HTML").build();
	}

}
