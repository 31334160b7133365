package dev.punchcard.bot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.punchcard.core.chat.application.InboundUpdates;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Telegram edge in webhook mode inside a Spring context, on real PostgreSQL
 * ({@code inbound_updates}), with WireMock as the Bot API.
 */
@SpringBootTest(classes = TelegramWebhookIT.Application.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.Random.class)
class TelegramWebhookIT {

	@RegisterExtension
	static WireMockExtension telegram = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.resetOnEachTest(false)
		.build();

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient db;

	@Autowired
	private InboundUpdates updates;

	@Autowired
	private FakeConversation conversation;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabase database = TestDatabases.forModule("bot");
		registry.add("spring.r2dbc.url", database::r2dbcUrl);
		registry.add("spring.r2dbc.username", database::user);
		registry.add("punchcard.telegram.token", () -> TestTelegram.TOKEN);
		registry.add("punchcard.telegram.mode", () -> "webhook");
		registry.add("punchcard.telegram.webhook-secret", () -> TestTelegram.SECRET);
		registry.add("punchcard.telegram.webhook-url", () -> "https://bot.example.com/webhooks/telegram");
		registry.add("punchcard.telegram.api-url", telegram::baseUrl);
		registry.add("punchcard.telegram.intake.stale-after", () -> "1s");
		registry.add("punchcard.telegram.intake.sweep-every", () -> "200ms");
		// the webhook on its own, without Redis: the shared limits are tested against
		// Redis elsewhere
		registry.add("punchcard.telegram.rate-limits.shared", () -> "false");
		stubBotApi();
	}

	private static void stubBotApi() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(TestTelegram.sentMessage()));
		telegram.stubFor(post(TestTelegram.path("answerCallbackQuery")).willReturn(TestTelegram.ok("true")));
		telegram.stubFor(post(TestTelegram.path("setMyCommands")).willReturn(TestTelegram.ok("true")));
		telegram.stubFor(post(TestTelegram.path("setWebhook")).willReturn(TestTelegram.ok("true")));
		telegram.stubFor(post(TestTelegram.path("getMe")).willReturn(TestTelegram
			.ok("{\"id\":111111111,\"is_bot\":true,\"first_name\":\"Punchcard\",\"username\":\"punchcard_bot\"}")));
	}

	/** The requests start-up made, kept before the first reset of WireMock's journal. */
	private static List<LoggedRequest> startup;

	@BeforeEach
	void emptyIntake() {
		if (startup == null) {
			RequestPatternBuilder startupCalls = postRequestedFor(urlMatching(".*/(setMyCommands|setWebhook|getMe)"));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(telegram.findAll(startupCalls)).hasSize(5));
			startup = telegram.findAll(startupCalls);
		}
		this.db.sql("TRUNCATE inbound_updates").then().as(StepVerifier::create).verifyComplete();
		this.conversation.clear();
		telegram.resetRequests();
	}

	@Test
	void should_answer_401_and_store_nothing_when_the_secret_is_wrong() {
		deliver(TelegramFixtures.json("text_message.json"), "wrong").expectStatus().isUnauthorized();

		assertThat(rows()).isZero();
	}

	@Test
	void should_answer_400_and_store_nothing_when_the_body_is_malformed() {
		deliver("{\"update_id\": 12, ", TestTelegram.SECRET).expectStatus().isBadRequest();

		assertThat(rows()).isZero();
	}

	@Test
	void should_store_handle_once_and_reply_when_a_valid_update_arrives() {
		deliver(TelegramFixtures.json("text_message.json"), TestTelegram.SECRET).expectStatus().isOk();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(status("123456789")).isEqualTo("DONE"));
		assertThat(this.conversation.handledIds()).containsExactly("123456789");
		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))).withRequestBody(
				equalToJson("{\"chat_id\":\"12345678\",\"text\":\"echo: aaaaaaaaaa\",\"parse_mode\":\"HTML\"}")));
	}

	@Test
	void should_handle_an_update_once_when_it_is_posted_twice() {
		String update = TelegramFixtures.json("callback_query.json");

		deliver(update, TestTelegram.SECRET).expectStatus().isOk();
		deliver(update, TestTelegram.SECRET).expectStatus().isOk();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(status("2")).isEqualTo("DONE"));
		assertThat(this.conversation.handledIds()).containsExactly("2");
		assertThat(rows()).isEqualTo(1);
		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))));
		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("answerCallbackQuery"))));
	}

	@Test
	void should_handle_an_update_that_was_stored_but_never_handled() {
		String update = TelegramFixtures.json("start_deeplink.json");
		// stored and claimed by an instance that crashed at once: its claim runs out
		this.updates.storeClaimed(ChatChannel.TELEGRAM, "734997090", "123456789", update, Duration.ofMillis(1))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(status("734997090")).isEqualTo("DONE"));
		assertThat(this.conversation.handledIds()).containsExactly("734997090");
		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage")))
			.withRequestBody(matchingJsonPath("$.text", equalTo("command start"))));
	}

	@Test
	void should_register_commands_and_the_webhook_with_its_secret_when_started() throws Exception {
		assertThat(startup).extracting((request) -> request.getUrl().substring(request.getUrl().lastIndexOf('/') + 1))
			.containsExactlyInAnyOrder("setMyCommands", "setMyCommands", "setMyCommands", "setWebhook", "getMe");
		assertThat(startup).filteredOn((request) -> request.getUrl().endsWith("/setMyCommands"))
			.extracting((request) -> TelegramJson.MAPPER.readTree(request.getBodyAsString())
				.path("language_code")
				.asText("default"))
			.containsExactlyInAnyOrder("default", "en", "ru");
		LoggedRequest webhook = startup.stream()
			.filter((request) -> request.getUrl().endsWith("/setWebhook"))
			.findFirst()
			.orElseThrow();
		assertThat(webhook.getBodyAsString()).contains("\"secret_token\":\"" + TestTelegram.SECRET + "\"")
			.contains("\"url\":\"https://bot.example.com/webhooks/telegram\"")
			.contains("\"allowed_updates\":[\"message\",\"callback_query\",\"my_chat_member\"]");
	}

	private WebTestClient.ResponseSpec deliver(String body, String secret) {
		return this.client.post()
			.uri("/webhooks/telegram")
			.header(TelegramWebhookRoute.SECRET_HEADER, secret)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private long rows() {
		return this.db.sql("SELECT count(*) AS n FROM inbound_updates")
			.map((row) -> row.get("n", Long.class))
			.one()
			.blockOptional(Duration.ofSeconds(5))
			.orElseThrow();
	}

	private String status(String updateId) {
		return this.db.sql("SELECT status FROM inbound_updates WHERE channel = 'TELEGRAM' AND update_id = :id")
			.bind("id", updateId)
			.map((row) -> row.get("status", String.class))
			.one()
			.blockOptional(Duration.ofSeconds(5))
			.orElse("ABSENT");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(exclude = { FlywayAutoConfiguration.class, RedisAutoConfiguration.class,
			RedisReactiveAutoConfiguration.class })
	@ComponentScan(basePackages = { "dev.punchcard.bot.telegram", "dev.punchcard.core.chat" })
	static class Application {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		@Bean
		FakeConversation conversation() {
			return new FakeConversation();
		}

	}

}
