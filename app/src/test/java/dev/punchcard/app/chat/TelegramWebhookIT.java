package dev.punchcard.app.chat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.punchcard.app.api.ApiIT;
import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.card.domain.QrImage;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.staff.application.IssueLinkCode;
import dev.punchcard.core.staff.application.StaffAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end through Telegram's webhook: real-shaped updates POSTed to
 * {@code /webhooks/telegram}, the exact Bot API requests checked on WireMock standing in
 * for api.telegram.org.
 */
@TestMethodOrder(MethodOrderer.Random.class)
@TestPropertySource(properties = { "punchcard.telegram.token=123456:TEST-token_abc", "punchcard.telegram.mode=webhook",
		"punchcard.telegram.webhook-secret=" + TelegramWebhookIT.SECRET,
		"punchcard.telegram.bot-username=punchcard_bot", "punchcard.notifications.poll-every=100ms" })
// its outbox poller must not outlive the class: cached contexts share the test database
// and would take
// the next class's notifications
@DirtiesContext
class TelegramWebhookIT extends ApiIT {

	static final String SECRET = "s3cret-Token_for-tests";

	static final String BOT = "/bot123456:TEST-token_abc";

	static final WireMockServer TELEGRAM = new WireMockServer(options().dynamicPort());

	static final AtomicLong UPDATE_IDS = new AtomicLong(900_000_000);

	@Autowired
	ObjectMapper json;

	@Autowired
	IssueLinkCode issueLinkCode;

	@Autowired
	StaffAccounts staffAccounts;

	@Autowired
	CodeSigner codes;

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) {
		if (!TELEGRAM.isRunning()) {
			TELEGRAM.start();
		}
		registry.add("punchcard.telegram.api-url", () -> "http://localhost:" + TELEGRAM.port());
	}

	@AfterAll
	static void stopTelegram() {
		TELEGRAM.stop();
	}

	@BeforeEach
	void aHealthyBotApi() {
		TELEGRAM.resetAll();
		TELEGRAM.stubFor(post(urlPathMatching(BOT + "/.*")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
		TELEGRAM.stubFor(post(urlPathMatching(BOT + "/(?i)send(message|photo)")).willReturn(okJson(
				"{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"}}}")));
	}

	@Test
	void should_welcome_explain_the_bad_link_and_send_the_card_when_a_start_update_arrives() throws IOException {
		ObjectNode start = fixture("start_deeplink.json");
		start.put("update_id", UPDATE_IDS.incrementAndGet());

		webhook(start.toString(), SECRET).expectStatus().isOk();

		awaitMessage("123456789", "This link is not valid");
		awaitMessage("123456789", "Welcome to the club, <b>Test</b>");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> TELEGRAM.verify(postRequestedFor(urlPathMatching(BOT + "/(?i)sendphoto"))
				.withRequestBody(containing("123456789"))));
		// one reply's messages go out in order, about one per second to the same chat
		awaitMessage("123456789", "What would you like to do?");
		assertThat(sent("sendMessage", "123456789"))
			.anyMatch((request) -> request.getBodyAsString().contains("request_contact"));
		assertThat(count("SELECT count(*) FROM channel_identities WHERE external_id = '123456789'")).isEqualTo(1);
	}

	@Test
	void should_handle_an_update_once_when_telegram_delivers_it_twice() throws IOException {
		String start = fixtureFrom("start_deeplink.json", 781, null).toString();
		webhook(start, SECRET).expectStatus().isOk();
		awaitMessage("781", "What would you like to do?");
		int before = TELEGRAM.getAllServeEvents().size();

		webhook(start, SECRET).expectStatus().isOk();

		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.until(() -> TELEGRAM.getAllServeEvents().size() == before);
		assertThat(count("SELECT count(*) FROM customers")).isEqualTo(1);
	}

	@Test
	void should_answer_401_and_store_nothing_when_the_secret_is_missing_or_wrong() throws IOException {
		String start = fixture("start_deeplink.json").toString();

		webhook(start, "wrong-secret").expectStatus().isUnauthorized();
		webhook(start, null).expectStatus().isUnauthorized();
		webhook(start, SECRET + "x").expectStatus().isUnauthorized();

		assertThat(count("SELECT count(*) FROM inbound_updates")).isZero();
	}

	@Test
	void should_answer_400_and_store_nothing_when_the_body_is_not_an_update() {
		webhook("{\"update_id\":", SECRET).expectStatus().isBadRequest();
		webhook("[1,2]", SECRET).expectStatus().isBadRequest();
		webhook("{\"message\":{}}", SECRET).expectStatus().isBadRequest();

		assertThat(count("SELECT count(*) FROM inbound_updates")).isZero();
	}

	@Test
	void should_point_to_help_when_the_command_is_unknown() throws IOException {
		webhook(text(777, "/dance"), SECRET).expectStatus().isOk();

		awaitMessage("777", "I do not know /dance");
	}

	@Test
	void should_show_a_referral_deep_link_when_a_member_asks_for_the_profile() throws IOException {
		webhook(text(782, "/start"), SECRET).expectStatus().isOk();
		webhook(text(782, "/profile"), SECRET).expectStatus().isOk();

		awaitMessage("782", "https://t.me/punchcard_bot?start=r-");
	}

	@Test
	void should_wait_retry_after_and_send_again_when_telegram_answers_429() throws IOException {
		TELEGRAM.stubFor(post(urlPathMatching(BOT + "/(?i)sendmessage")).inScenario("flood")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("Retry-After", "1")
				.withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
						+ "\"parameters\":{\"retry_after\":1}}"))
			.willSetStateTo("calm"));

		webhook(text(778, "/help"), SECRET).expectStatus().isOk();

		await().atMost(Duration.ofSeconds(30)).until(() -> sent("sendMessage", "778").size() == 2);
		var attempts = sent("sendMessage", "778");
		assertThat(attempts.get(1).getLoggedDate().getTime() - attempts.get(0).getLoggedDate().getTime())
			.as("waited retry_after")
			.isGreaterThanOrEqualTo(900);
		assertThat(attempts.get(1).getBodyAsString()).contains("Commands");
	}

	@Test
	void should_tell_the_shopper_and_stop_after_a_403_when_the_bot_is_blocked() throws IOException {
		webhook(text(779, "/start"), SECRET).expectStatus().isOk();
		// the welcome's messages go out about one per second; let them all leave before
		// the purchase
		awaitMessage("779", "What would you like to do?");
		String store = this.till.openStore();
		String cashier = this.till.staff("CASHIER", store);

		this.till.purchase(cashier, cardOf("779"), store, "R-1", 12_00, HttpStatus.CREATED);
		awaitMessage("779", "You earned <b>+12</b> points");

		TELEGRAM.stubFor(post(urlPathMatching(BOT + "/(?i)sendmessage"))
			.withRequestBody(matchingJsonPath("$.chat_id", WireMock.equalTo("779")))
			.willReturn(aResponse().withStatus(403)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));
		this.till.purchase(cashier, cardOf("779"), store, "R-2", 5_00, HttpStatus.CREATED);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("SELECT count(*) FROM channel_identities WHERE NOT reachable") == 1);
		int attempts = sent("sendMessage", "779").size();

		this.till.purchase(cashier, cardOf("779"), store, "R-3", 5_00, HttpStatus.CREATED);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("SELECT count(*) FROM notification_outbox WHERE status = 'FAILED'") == 2);
		assertThat(sent("sendMessage", "779")).as("nothing more sent to a chat that blocked the bot").hasSize(attempts);

		// the shopper unblocks the bot and writes: reachable again, so the next purchase
		// is
		// told
		TELEGRAM.stubFor(post(urlPathMatching(BOT + "/(?i)sendmessage"))
			.withRequestBody(matchingJsonPath("$.chat_id", WireMock.equalTo("779")))
			.willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":2,\"date\":1700000000,"
					+ "\"chat\":{\"id\":779,\"type\":\"private\"}}}")));
		webhook(text(779, "/profile"), SECRET).expectStatus().isOk();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("SELECT count(*) FROM channel_identities WHERE NOT reachable") == 0);
		this.till.purchase(cashier, cardOf("779"), store, "R-4", 7_00, HttpStatus.CREATED);
		awaitMessage("779", "You earned <b>+7</b> points");
	}

	@Test
	void should_read_the_card_from_a_photo_when_a_linked_cashier_scans() throws Exception {
		webhook(text(780, "/start"), SECRET).expectStatus().isOk();
		awaitMessage("780", "What would you like to do?");
		String store = this.till.openStore();
		this.till.staff("CASHIER", store);
		StaffId staffId = this.staffAccounts.all().filter((m) -> m.username().startsWith("cashier-")).blockFirst().id();
		String linkCode = this.issueLinkCode.issue(staffId, ADMIN).block().code();
		webhook(text(11111111, "/start staff-" + linkCode), SECRET).expectStatus().isOk();
		awaitMessage("11111111", "linked to staff account");
		TELEGRAM.stubFor(post(urlPathMatching(BOT + "/(?i)getfile")).willReturn(
				okJson("{\"ok\":true,\"result\":{\"file_id\":\"SAAS\",\"file_unique_id\":\"SAAS\",\"file_size\":84913,"
						+ "\"file_path\":\"photos/file_1.png\"}}")));
		TELEGRAM.stubFor(WireMock.get(urlPathEqualTo("/file" + BOT + "/photos/file_1.png"))
			.willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(QrImage.png(cardOf("780"), 600))));

		webhook(fixtureFrom("photo_message.json", 11111111, null).toString(), SECRET).expectStatus().isOk();

		awaitMessage("11111111", "Customer: <b>Mario");
	}

	private ObjectNode fixture(String name) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/telegram/" + name)) {
			return (ObjectNode) this.json.readTree(in);
		}
	}

	/**
	 * The fixture with a fresh update id, sent by the given user (and text, for
	 * messages).
	 */
	private ObjectNode fixtureFrom(String name, long user, String text) throws IOException {
		ObjectNode update = fixture(name);
		update.put("update_id", UPDATE_IDS.incrementAndGet());
		ObjectNode message = (ObjectNode) update.get("message");
		((ObjectNode) message.get("from")).put("id", user).put("language_code", "en");
		((ObjectNode) message.get("chat")).put("id", user);
		if (text != null) {
			message.put("text", text);
			if (text.startsWith("/")) {
				message.putArray("entities")
					.addObject()
					.put("offset", 0)
					.put("length", text.split(" ")[0].length())
					.put("type", "bot_command");
			}
		}
		return update;
	}

	private String text(long user, String text) throws IOException {
		return fixtureFrom("text_message.json", user, text).toString();
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec webhook(String body,
			String secret) {
		return this.http.post().uri("/webhooks/telegram").contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			if (secret != null) {
				headers.set("X-Telegram-Bot-Api-Secret-Token", secret);
			}
		}).bodyValue(body).exchange();
	}

	private void awaitMessage(String chatId, String text) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(sent("sendMessage", chatId))
				.anyMatch((request) -> textOf(request).contains(text)));
	}

	private String textOf(LoggedRequest request) {
		try {
			return this.json.readTree(request.getBodyAsString()).path("text").asText();
		}
		catch (IOException notJson) {
			return request.getBodyAsString();
		}
	}

	private java.util.List<LoggedRequest> sent(String method, String chatId) {
		return TELEGRAM.findAll(postRequestedFor(urlPathMatching(BOT + "/(?i)" + method)))
			.stream()
			.filter((request) -> request.getBodyAsString().contains("\"chat_id\":\"" + chatId + "\"")
					|| request.getBodyAsString().contains("\"chat_id\":" + chatId))
			.sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
			.toList();
	}

	private String cardOf(String telegramUserId) {
		Long number = this.db.sql("""
				SELECT c.card_number FROM customers c JOIN channel_identities i ON i.customer_id = c.id
				WHERE i.external_id = :user
				""").bind("user", telegramUserId).map((row) -> row.get(0, Long.class)).one().block();
		return this.codes.sign(CodePurpose.CARD, number);
	}

	private long count(String sql) {
		Number value = this.db.sql(sql).map((row) -> (Number) row.get(0)).one().block();
		return value == null ? 0 : value.longValue();
	}

}
