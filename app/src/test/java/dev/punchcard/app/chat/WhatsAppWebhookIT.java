package dev.punchcard.app.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.punchcard.app.api.ApiIT;
import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.card.domain.QrImage;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.staff.application.IssueLinkCode;
import dev.punchcard.core.staff.application.StaffAccounts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end through WhatsApp's webhook: Meta-shaped, signed webhook bodies POSTed to
 * {@code /webhooks/whatsapp}, the engine on real PostgreSQL and Redis, and the exact
 * Graph API requests checked on WireMock standing in for graph.facebook.com.
 */
@TestMethodOrder(MethodOrderer.Random.class)
@TestPropertySource(properties = { "punchcard.whatsapp.access-token=" + WhatsAppWebhookIT.TOKEN,
		"punchcard.whatsapp.phone-number-id=" + WhatsAppWebhookIT.NUMBER,
		"punchcard.whatsapp.app-secret=" + WhatsAppWebhookIT.APP_SECRET,
		"punchcard.whatsapp.verify-token=" + WhatsAppWebhookIT.VERIFY_TOKEN,
		"punchcard.whatsapp.display-phone-number=" + WhatsAppWebhookIT.DISPLAY_NUMBER,
		"punchcard.whatsapp.retries.first-backoff=20ms",
		// the pair limit's real interval (6 s) would make every test wait
		"punchcard.whatsapp.rate-limits.per-recipient-interval=50ms",
		"punchcard.whatsapp.rate-limits.per-recipient-burst=10", "punchcard.notifications.poll-every=100ms" })
// its outbox poller and intake must not outlive the class: cached contexts share the
// test database
@DirtiesContext
class WhatsAppWebhookIT extends ApiIT {

	static final String TOKEN = "EAAG-whatsapp-test-token";

	static final String NUMBER = "106540352242922";

	static final String APP_SECRET = "whatsapp-app-secret-for-tests";

	static final String VERIFY_TOKEN = "whatsapp-verify-token";

	static final String DISPLAY_NUMBER = "15550001234";

	static final String MESSAGES = "/v24.0/" + NUMBER + "/messages";

	static final WireMockServer GRAPH = new WireMockServer(options().dynamicPort().globalTemplating(true));

	static final AtomicLong WAMIDS = new AtomicLong();

	@Autowired
	ObjectMapper json;

	@Autowired
	IssueLinkCode issueLinkCode;

	@Autowired
	StaffAccounts staffAccounts;

	@Autowired
	CodeSigner codes;

	@DynamicPropertySource
	static void graph(DynamicPropertyRegistry registry) {
		if (!GRAPH.isRunning()) {
			GRAPH.start();
		}
		registry.add("punchcard.whatsapp.api-url", () -> "http://localhost:" + GRAPH.port());
	}

	@AfterAll
	static void stopGraph() {
		GRAPH.stop();
	}

	@BeforeEach
	void aHealthyGraphApi() {
		GRAPH.resetAll();
		GRAPH.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson("""
				{"messaging_product": "whatsapp", "contacts": [{"input": "16505551234", "wa_id": "16505551234"}],
				 "messages": [{"id": "wamid.HBgL{{randomValue length=40 type='ALPHANUMERIC'}}"}]}""")));
		GRAPH.stubFor(post(urlPathEqualTo("/v24.0/" + NUMBER + "/media"))
			.willReturn(okJson("{\"id\": \"4490709327384033\"}")));
	}

	@Test
	void should_echo_the_challenge_when_meta_verifies_the_webhook_with_the_right_token() {
		this.http.get()
			.uri("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=" + VERIFY_TOKEN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("1158201444");
		this.http.get()
			.uri("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void should_welcome_a_new_member_with_the_card_and_the_menu_as_a_list_when_they_say_hi() throws IOException {
		webhook(batch(message("16505551234", "J\\u00f6rg \\ud83d\\ude00", text("Hi!")))).expectStatus().isOk();

		awaitSent("16505551234", "Welcome to the club, *Jörg 😀*!");
		JsonNode menu = awaitSent("16505551234", "What would you like to do?");
		assertThat(menu.path("type").asText()).isEqualTo("interactive");
		assertThat(menu.at("/interactive/type").asText()).isEqualTo("list");
		assertThat(menu.at("/interactive/action/sections/0/rows").findValuesAsText("id")).containsExactly("m:profile",
				"m:card", "m:rewards", "m:purchases", "m:help");
		GRAPH.verify(postRequestedFor(urlPathEqualTo("/v24.0/" + NUMBER + "/media")).withHeader("Authorization",
				equalTo("Bearer " + TOKEN)));
		assertThat(sentTo("16505551234")).anyMatch((body) -> "image".equals(body.path("type").asText())
				&& body.at("/image/id").asText().equals("4490709327384033"));
		assertThat(count("SELECT count(*) FROM channel_identities WHERE channel = 'WHATSAPP' "
				+ "AND external_id = '16505551234'"))
			.isEqualTo(1);
	}

	@Test
	void should_answer_words_buttons_and_list_rows_with_the_same_commands() throws IOException {
		webhook(batch(message("491510000001", "Ann", text("start")))).expectStatus().isOk();
		awaitSent("491510000001", "What would you like to do?");

		webhook(batch(message("491510000001", "Ann", text("баллы")))).expectStatus().isOk();
		awaitSent("491510000001", "Balance: *0* points");

		webhook(batch(message("491510000001", "Ann", listReply("m:purchases", "Purchases")))).expectStatus().isOk();
		awaitSent("491510000001", "No purchases yet");

		webhook(batch(message("491510000001", "Ann", buttonReply("m:help", "Help")))).expectStatus().isOk();
		JsonNode help = awaitSent("491510000001", "*Commands*");
		assertThat(textOf(help)).contains("*profile* — your profile").doesNotContain("/profile");

		webhook(batch(message("491510000001", "Ann", "\"type\": \"sticker\", \"sticker\": {\"id\": \"1\", "
				+ "\"mime_type\": \"image/webp\", \"animated\": false}")))
			.expectStatus()
			.isOk();
		awaitSent("491510000001", "I can read text");
	}

	/**
	 * Every command a shopper has, typed as its English and Russian word, and as a menu
	 * row.
	 */
	@Test
	void should_answer_every_shopper_command_typed_as_a_word_in_either_language_or_tapped_in_the_menu()
			throws IOException {
		webhook(batch(message("491510000014", "Una", text("menu")))).expectStatus().isOk();
		awaitSent("491510000014", "What would you like to do?");
		String[][] words = { { "profile", "профиль", "Invite friends:" }, { "card", "карта", "Your member card:" },
				{ "purchases", "покупки", "No purchases yet" }, { "rewards", "награды", "Balance: *0* points" },
				{ "language", "язык", "Choose your language" }, { "help", "помощь", "*Commands*" },
				{ "cancel", "отмена", "nothing is in progress" }, { "scan", "скан", "is for cashiers" },
				{ "link", "связать", "within 10 minutes" }, { "stop", "стоп", "promotions" } };
		for (String[] word : words) {
			for (String typed : List.of(word[0], word[1])) {
				GRAPH.resetRequests();
				webhook(batch(message("491510000014", "Una", text(typed)))).expectStatus().isOk();
				assertThat(textOf(awaitSent("491510000014", word[2]))).as(typed).contains(word[2]);
			}
		}
		String[][] rows = { { "m:profile", "Invite friends:" }, { "m:card", "Your member card:" },
				{ "m:rewards", "Balance: *0* points" }, { "m:purchases", "No purchases yet" },
				{ "m:help", "*Commands*" } };
		for (String[] row : rows) {
			GRAPH.resetRequests();
			webhook(batch(message("491510000014", "Una", listReply(row[0], row[0])))).expectStatus().isOk();
			assertThat(textOf(awaitSent("491510000014", row[1]))).as(row[0]).contains(row[1]);
		}
	}

	@Test
	void should_store_and_answer_a_batch_of_50_once_when_meta_delivers_it_twice() throws IOException {
		List<String> messages = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			messages.add(message(Long.toString(4915200000000L + i), "Member " + i, text("hello")));
		}
		String body = batch(messages.toArray(String[]::new));

		webhook(body).expectStatus().isOk();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(count("SELECT count(*) FROM customers")).isEqualTo(50));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(sentTexts()).filteredOn((text) -> text.contains("What would you like to do?"))
						.hasSize(50));
		int before = GRAPH.getAllServeEvents().size();

		webhook(body).expectStatus().isOk();

		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> GRAPH.getAllServeEvents().size() == before);
		assertThat(count("SELECT count(*) FROM customers")).isEqualTo(50);
		assertThat(count("SELECT count(*) FROM inbound_updates WHERE channel = 'WHATSAPP'")).isEqualTo(50);
	}

	@Test
	void should_answer_401_or_400_and_store_nothing_when_the_body_is_unsigned_forged_or_malformed() {
		String body = batch(message("491510000009", "Eve", text("hi")));

		this.http.post()
			.uri("/webhooks/whatsapp")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		webhook(body, "sha256=" + "00".repeat(32)).expectStatus().isUnauthorized();
		String malformed = "{\"object\": \"whatsapp_business_account\", \"entry\": [{";
		webhook(malformed, sign(malformed)).expectStatus().isBadRequest();

		assertThat(count("SELECT count(*) FROM inbound_updates")).isZero();
	}

	@Test
	void should_share_a_wa_me_referral_link_and_register_friends_from_typed_ref_and_join_words() {
		webhook(batch(message("491510000010", "Ria", text("hi")))).expectStatus().isOk();
		awaitSent("491510000010", "What would you like to do?");
		webhook(batch(message("491510000010", "Ria", text("profile")))).expectStatus().isOk();
		String profile = textOf(awaitSent("491510000010", "Invite friends: https://wa.me/" + DISPLAY_NUMBER));
		Matcher link = Pattern.compile("https://wa\\.me/" + DISPLAY_NUMBER + "\\?text=REF%20([a-z0-9]{10})")
			.matcher(profile);
		assertThat(link.find()).as(profile).isTrue();

		webhook(batch(message("491510000011", "Fritz", text("REF " + link.group(1))))).expectStatus().isOk();
		awaitSent("491510000011", "A friend invited you");
		String store = this.till.openStore();
		webhook(batch(message("491510000012", "Stina", text("JOIN " + store)))).expectStatus().isOk();
		awaitSent("491510000012", "Welcome to the club, *Stina*!");

		assertThat(count("SELECT count(*) FROM customers c JOIN customers r ON r.id = c.referred_by "
				+ "WHERE c.name = 'Fritz' AND r.name = 'Ria'"))
			.isEqualTo(1);
		assertThat(count("SELECT count(*) FROM customers c JOIN stores s ON s.id = c.home_store_id "
				+ "WHERE c.name = 'Stina' AND s.code = '" + store + "'"))
			.isEqualTo(1);
	}

	@Test
	void should_show_the_till_members_points_when_they_first_write_from_the_number_they_enrolled_with() {
		String store = this.till.openStore();
		String cashier = this.till.staff("CASHIER", store);
		String card = this.till
			.post(cashier, "/api/v1/customers", java.util.Map.of("name", "Tove", "phone", "+4915112340020"),
					org.springframework.http.HttpStatus.CREATED)
			.get("cardCode")
			.asText();
		this.till.purchase(cashier, card, store, "R-1", 25_00, org.springframework.http.HttpStatus.CREATED);

		webhook(batch(message("4915112340020", "Tove", text("points")))).expectStatus().isOk();

		awaitSent("4915112340020", "Balance: *25* points");
		webhook(batch(message("4915112340020", "Tove", text("link")))).expectStatus().isOk();
		assertThat(textOf(awaitSent("4915112340020", "To use this membership on Telegram too")))
			.containsPattern("link [0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(count("SELECT count(*) FROM customers")).isEqualTo(1);
	}

	@Test
	void should_give_a_wa_me_staff_link_with_the_code_and_bind_the_cashier_who_sends_its_text() {
		String store = this.till.openStore();
		this.till.staff("CASHIER", store);
		StaffId staffId = this.staffAccounts.all().filter((m) -> m.username().startsWith("cashier-")).blockFirst().id();

		JsonNode code = this.till.post(this.till.adminToken(), "/api/v1/staff/" + staffId + "/link-codes",
				java.util.Map.of(), org.springframework.http.HttpStatus.CREATED);

		assertThat(code.get("whatsAppLink").asText())
			.isEqualTo("https://wa.me/" + DISPLAY_NUMBER + "?text=STAFF%20" + code.get("code").asText());
		assertThat(code.get("whatsAppText").asText()).isEqualTo("STAFF " + code.get("code").asText());
		webhook(batch(message("491510000040", "Cash", text(code.get("whatsAppText").asText())))).expectStatus().isOk();
		awaitSent("491510000040", "linked to staff account");
	}

	@Test
	void should_find_the_same_member_when_a_user_first_seen_with_phone_and_bsuid_writes_with_the_bsuid_only() {
		webhook(batch(withBsuid("491510000030", "US.491510000030", "Bo", text("hi")))).expectStatus().isOk();
		awaitSent("491510000030", "Welcome to the club, *Bo*!");
		webhook(batch(withBsuid("491510000030", "US.491510000030", "Bo", text("points")))).expectStatus().isOk();
		awaitSent("491510000030", "Balance: *0* points");

		webhook(batch(withBsuid(null, "US.491510000030", "Bo", text("profile")))).expectStatus().isOk();

		awaitSent("US.491510000030", "*Bo*\nPhone: +491510000030");
		assertThat(count("SELECT count(*) FROM customers")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM channel_identities WHERE external_id = '491510000030' "
				+ "AND alias_id = 'US.491510000030'"))
			.isEqualTo(1);
	}

	@Test
	void should_credit_a_purchase_when_a_cashier_scans_a_photo_of_the_card_on_whatsapp() throws Exception {
		webhook(batch(message("491510000002", "Bea", text("start")))).expectStatus().isOk();
		awaitSent("491510000002", "What would you like to do?");
		String cashier = "491510000003";
		webhook(batch(message(cashier, "Cash", text("STAFF " + linkCode())))).expectStatus().isOk();
		awaitSent(cashier, "linked to staff account");
		byte[] photo = QrImage.png(cardOf("491510000002"), 600);
		String sha256 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(photo));
		GRAPH.stubFor(get(urlEqualTo("/v24.0/1480011230004051?phone_number_id=" + NUMBER)).willReturn(
				okJson("""
						{"messaging_product": "whatsapp", "url": "http://localhost:%d/whatsapp/business/media/?mid=1480011230004051",
						 "mime_type": "image/png", "sha256": "%s", "file_size": %d, "id": "1480011230004051"}"""
					.formatted(GRAPH.port(),
							HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo)),
							photo.length))));
		GRAPH.stubFor(get(urlEqualTo("/whatsapp/business/media/?mid=1480011230004051"))
			.willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(photo)));

		webhook(batch(message(cashier, "Cash", text("scan")))).expectStatus().isOk();
		awaitSent(cashier, "Send a photo");
		webhook(batch(message(cashier, "Cash", "\"type\": \"image\", \"image\": {\"mime_type\": \"image/png\", "
				+ "\"sha256\": \"" + sha256 + "\", \"id\": \"1480011230004051\"}")))
			.expectStatus()
			.isOk();
		awaitSent(cashier, "Customer: *Bea*");
		GRAPH.verify(getRequestedFor(urlEqualTo("/whatsapp/business/media/?mid=1480011230004051"))
			.withHeader("Authorization", equalTo("Bearer " + TOKEN)));
		webhook(batch(message(cashier, "Cash", text("12.50")))).expectStatus().isOk();
		awaitSent(cashier, "receipt number");
		webhook(batch(message(cashier, "Cash", text("R-WA-1")))).expectStatus().isOk();
		JsonNode confirm = awaitSent(cashier, "Record 12.50 EUR on receipt R-WA-1");
		assertThat(confirm.at("/interactive/type").asText()).isEqualTo("button");
		webhook(batch(message(cashier, "Cash", buttonReply("sc:y", "Record")))).expectStatus().isOk();

		awaitSent(cashier, "Recorded: *+12* points");
		assertThat(count("SELECT balance FROM points_balances b JOIN channel_identities i ON i.customer_id = "
				+ "b.customer_id WHERE i.external_id = '491510000002'"))
			.isEqualTo(12);
		assertThat(ledgerMismatches()).isZero();
	}

	@Test
	void should_refuse_a_photo_when_its_bytes_are_not_what_the_webhook_announced() throws Exception {
		String cashier = "491510000004";
		webhook(batch(message(cashier, "Cash", text("STAFF " + linkCode())))).expectStatus().isOk();
		awaitSent(cashier, "linked to staff account");
		byte[] photo = QrImage.png(this.codes.sign(CodePurpose.CARD, 1234567L), 400);
		GRAPH.stubFor(get(urlEqualTo("/v24.0/777?phone_number_id=" + NUMBER)).willReturn(okJson("""
				{"url": "http://localhost:%d/media/777", "mime_type": "image/png", "sha256": "abc", "file_size": %d,
				 "id": "777"}""".formatted(GRAPH.port(), photo.length))));
		GRAPH.stubFor(get(urlEqualTo("/media/777")).willReturn(aResponse().withBody(photo)));

		webhook(batch(message(cashier, "Cash", text("scan")))).expectStatus().isOk();
		awaitSent(cashier, "Send a photo");
		webhook(batch(message(cashier, "Cash",
				"\"type\": \"image\", \"image\": {\"mime_type\": \"image/png\", " + "\"sha256\": \""
						+ Base64.getEncoder().encodeToString(new byte[32]) + "\", \"id\": \"777\"}")))
			.expectStatus()
			.isOk();

		awaitSent(cashier, "could not get this photo");
	}

	@Test
	void should_move_each_sent_message_forward_only_when_its_statuses_arrive_out_of_order() throws IOException {
		webhook(batch(message("491510000005", "Stat", text("start")))).expectStatus().isOk();
		awaitSent("491510000005", "What would you like to do?");
		// the welcome is three messages (a number WhatsApp verified is not asked for):
		// the
		// last is recorded just after it was accepted
		List<String> wamids = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.db
				.sql("SELECT platform_id FROM outgoing_messages WHERE recipient = '491510000005' ORDER BY accepted_at")
				.map((row) -> row.get(0, String.class))
				.all()
				.collectList()
				.block(), (ids) -> ids.size() >= 3);
		assertThat(wamids).doesNotHaveDuplicates();
		assertThat(sentTo("491510000005")).extracting((body) -> body.path("biz_opaque_callback_data").asText())
			.doesNotContain("")
			.doesNotHaveDuplicates();

		webhook(statuses(status(wamids.get(0), "read", ""), status(wamids.get(0), "sent", ""),
				status(wamids.get(1), "delivered", ""),
				status(wamids.get(2), "failed",
						", \"errors\": [{\"code\": 131026, \"title\": \"Message undeliverable\"}]")))
			.expectStatus()
			.isOk();
		webhook(statuses(status(wamids.get(0), "delivered", ""), status(wamids.get(2), "read", ""))).expectStatus()
			.isOk();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(statusOf(wamids.get(0))).isEqualTo("READ");
			assertThat(statusOf(wamids.get(1))).isEqualTo("DELIVERED");
			assertThat(statusOf(wamids.get(2))).isEqualTo("FAILED");
			assertThat(count(
					"SELECT count(*) FROM channel_identities WHERE external_id = '491510000005' " + "AND reachable"))
				.as("131026: not a WhatsApp user any more")
				.isZero();
		});
		assertThat(count("SELECT count(*) FROM inbound_updates WHERE channel = 'WHATSAPP' AND update_id LIKE '%:%'"))
			.isEqualTo(6);
	}

	@Test
	void should_notify_as_text_inside_the_window_and_as_the_template_outside_it() throws IOException {
		webhook(batch(message("491510000006", "Nora", text("start")))).expectStatus().isOk();
		awaitSent("491510000006", "What would you like to do?");
		// Meta delivered this one's only message late: more than 24 hours after it was
		// sent
		webhook(batch(messageAt("491510000007", "Olaf", text("start"), Instant.now().minus(Duration.ofHours(25)))))
			.expectStatus()
			.isOk();
		awaitSent("491510000007", "What would you like to do?");
		String store = this.till.openStore();
		String cashier = this.till.staff("CASHIER", store);

		this.till.purchase(cashier, cardOf("491510000006"), store, "R-N-1", 2_000, HttpStatus.CREATED);
		this.till.purchase(cashier, cardOf("491510000007"), store, "R-N-2", 3_000, HttpStatus.CREATED);

		JsonNode text = awaitSent("491510000006", "You earned *+20* points");
		assertThat(text.path("type").asText()).isEqualTo("text");
		JsonNode template = awaitTemplate("491510000007");
		assertThat(template.at("/template/name").asText()).isEqualTo("points_credited");
		assertThat(template.at("/template/language/code").asText()).isEqualTo("en");
		assertThat(template.at("/template/components/0/parameters").findValuesAsText("text")).containsExactly("30",
				"Store " + store, "30");
		assertThat(sentTo("491510000007")).noneMatch((body) -> textOf(body).contains("You earned"));
		awaitNotification("491510000006", "SENT", "WHATSAPP");
		awaitNotification("491510000007", "SENT", "WHATSAPP");
	}

	@Test
	void should_send_the_template_when_whatsapp_refuses_the_text_at_once_or_later_as_outside_the_window()
			throws IOException {
		webhook(batch(message("491510000008", "Pia", text("start")))).expectStatus().isOk();
		awaitSent("491510000008", "What would you like to do?");
		String store = this.till.openStore();
		String cashier = this.till.staff("CASHIER", store);
		GRAPH.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(1)
			.withRequestBody(matchingJsonPath("$.type", equalTo("text")))
			.willReturn(graphError(400, 131047, "Re-engagement message",
					"Message failed to send because more than 24 hours have passed since the customer last replied "
							+ "to this number.")));

		this.till.purchase(cashier, cardOf("491510000008"), store, "R-P-1", 1_000, HttpStatus.CREATED);

		assertThat(awaitTemplate("491510000008").at("/template/components/0/parameters/0/text").asText())
			.isEqualTo("10");
		awaitNotification("491510000008", "SENT", "WHATSAPP");

		// the window is known to be closed now; the member writes again, which opens it
		GRAPH.resetRequests();
		webhook(batch(message("491510000008", "Pia", text("points")))).expectStatus().isOk();
		awaitSent("491510000008", "Balance:");
		GRAPH.removeStub(GRAPH.getStubMappings()
			.stream()
			.filter((stub) -> stub.getPriority() != null && stub.getPriority() == 1)
			.findFirst()
			.orElseThrow());
		this.till.purchase(cashier, cardOf("491510000008"), store, "R-P-2", 2_000, HttpStatus.CREATED);
		JsonNode text = awaitSent("491510000008", "You earned *+20* points");
		assertThat(templatesTo("491510000008")).isEmpty();
		// … but WhatsApp reports later that the text failed for the closed window
		String wamid = wamidOf(text);
		webhook(statuses(status(wamid, "failed",
				", \"errors\": [{\"code\": 131047, \"title\": \"Re-engagement " + "message\"}]")))
			.expectStatus()
			.isOk();

		JsonNode template = awaitTemplate("491510000008");
		assertThat(template.at("/template/components/0/parameters/0/text").asText()).isEqualTo("20");
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> templatesTo("491510000008").size() == 1);
		webhook(statuses(status(wamid, "failed",
				", \"errors\": [{\"code\": 131047, \"title\": \"Re-engagement " + "message\"}]")))
			.expectStatus()
			.isOk();
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> templatesTo("491510000008").size() == 1);
		assertThat(count("SELECT count(*) FROM notification_outbox n JOIN channel_identities i ON i.customer_id = "
				+ "n.customer_id WHERE i.external_id = '491510000008' AND n.status = 'SENT'"))
			.isEqualTo(2);
	}

	@Test
	void should_fail_the_notification_with_its_reason_in_the_api_when_the_member_is_unreachable() throws IOException {
		webhook(batch(message("491510000010", "Quin", text("start")))).expectStatus().isOk();
		awaitSent("491510000010", "What would you like to do?");
		String store = this.till.openStore();
		String cashier = this.till.staff("CASHIER", store);
		GRAPH.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(1)
			.withRequestBody(containing("491510000010"))
			.willReturn(graphError(400, 131026, "Message undeliverable", "Message Undeliverable.")));

		this.till.purchase(cashier, cardOf("491510000010"), store, "R-Q-1", 1_000, HttpStatus.CREATED);

		awaitNotification("491510000010", "FAILED", null);
		assertThat(count("SELECT count(*) FROM channel_identities WHERE external_id = '491510000010' AND reachable"))
			.isZero();
		JsonNode notifications = this.till.get(this.till.adminToken(),
				"/api/v1/customers/" + customerOf("491510000010") + "/notifications", HttpStatus.OK);
		assertThat(notifications.path("totalNotifications").asLong()).isEqualTo(1);
		JsonNode notification = notifications.path("notifications").path(0);
		assertThat(notification.path("kind").asText()).isEqualTo("PointsCredited");
		assertThat(notification.path("status").asText()).isEqualTo("FAILED");
		assertThat(notification.path("error").asText()).isEqualTo("no reachable chat (WHATSAPP unreachable)");
	}

	@Test
	void should_wait_and_send_again_when_whatsapp_answers_that_the_throughput_is_reached() throws IOException {
		webhook(batch(message("491510000011", "Rui", text("start")))).expectStatus().isOk();
		awaitSent("491510000011", "What would you like to do?");
		GRAPH.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(1)
			.inScenario("throughput")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willReturn(graphError(400, 130429, "Rate limit hit", "Cloud API message throughput has been reached."))
			.willSetStateTo("recovered"));

		webhook(batch(message("491510000011", "Rui", text("points")))).expectStatus().isOk();

		// the refused request is logged too: wait for the one sent after it
		List<LoggedRequest> balance = await().atMost(Duration.ofSeconds(30))
			.until(() -> GRAPH
				.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(containing("491510000011"))
					.withRequestBody(containing("Balance:"))), (found) -> found.size() >= 2);
		assertThat(balance).as("refused once, then sent once more").hasSize(2);
		assertThat(balance.get(1).getBodyAsString()).isEqualTo(balance.get(0).getBodyAsString());
		assertThat(Math.abs(balance.get(1).getLoggedDate().getTime() - balance.get(0).getLoggedDate().getTime()))
			.as("after a wait")
			.isGreaterThanOrEqualTo(15);
	}

	@Test
	void should_stop_promotions_on_stop_still_tell_of_purchases_and_resume_them_on_start() throws IOException {
		webhook(batch(message("491510000012", "Sia", text("start")))).expectStatus().isOk();
		awaitSent("491510000012", "What would you like to do?");

		webhook(batch(message("491510000012", "Sia", text("STOP")))).expectStatus().isOk();
		awaitSent("491510000012", "no more promotions from us here");
		assertThat(consentOf("491510000012")).isEqualTo("true chat:stop");
		webhook(batch(message("491510000012", "Sia", text("СТОП")))).expectStatus().isOk();
		awaitSent("491510000012", "You already get no promotions here. Send *start*");

		String store = this.till.openStore();
		String cashier = this.till.staff("CASHIER", store);
		this.till.purchase(cashier, cardOf("491510000012"), store, "R-S-1", 1_000, HttpStatus.CREATED);
		awaitSent("491510000012", "You earned *+10* points");

		webhook(batch(message("491510000012", "Sia", text("START")))).expectStatus().isOk();
		awaitSent("491510000012", "you will get promotions here again");
		assertThat(consentOf("491510000012")).isEqualTo("false chat:start");
	}

	@Test
	void should_record_the_marketing_preference_whatsapp_reports_without_answering() throws IOException {
		webhook(batch(message("491510000013", "Tom", text("start")))).expectStatus().isOk();
		awaitSent("491510000013", "What would you like to do?");
		GRAPH.resetRequests();

		webhook(preferences("491510000013", "stop", Instant.now())).expectStatus().isOk();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(consentOf("491510000013")).isEqualTo("true whatsapp:user_preferences"));
		// an older "resume" redelivered later changes nothing
		webhook(preferences("491510000013", "resume", Instant.now().minus(Duration.ofHours(1)))).expectStatus().isOk();
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> count("SELECT count(*) FROM inbound_updates WHERE channel = 'WHATSAPP' AND update_id LIKE "
					+ "'pref:491510000013:%' AND done_at IS NOT NULL") == 2);
		assertThat(consentOf("491510000013")).isEqualTo("true whatsapp:user_preferences");
		assertThat(sentTo("491510000013")).isEmpty();
	}

	private String consentOf(String waId) {
		return this.db
			.sql("SELECT opted_out::text || ' ' || source FROM marketing_consents "
					+ "WHERE channel = 'WHATSAPP' AND external_id = :user")
			.bind("user", waId)
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
	}

	private static String preferences(String waId, String value, Instant at) {
		return """
				{"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"value": {
				  "messaging_product": "whatsapp",
				  "metadata": {"display_phone_number": "15550783881", "phone_number_id": "%s"},
				  "user_preferences": [{"wa_id": "%s", "detail": "User requested to stop marketing messages",
				    "category": "marketing_messages", "value": "%s", "timestamp": %d}]},
				  "field": "user_preferences"}]}]}""".formatted(NUMBER, waId, value, at.getEpochSecond());
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder graphError(int status, int code,
			String message, String details) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"error": {"message": "(#%d) %s", "type": "OAuthException", "code": %d,
					 "error_data": {"messaging_product": "whatsapp", "details": "%s"}, "fbtrace_id": "AbCdEf"}}"""
				.formatted(code, message, code, details));
	}

	private JsonNode awaitTemplate(String to) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> templatesTo(to).stream().findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	private List<JsonNode> templatesTo(String to) {
		return sentTo(to).stream().filter((body) -> "template".equals(body.path("type").asText())).toList();
	}

	private void awaitNotification(String waId, String status, String channel) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<String> found = this.db.sql("""
					SELECT n.status || ' ' || coalesce(n.channel, '-') FROM notification_outbox n
					JOIN channel_identities i ON i.customer_id = n.customer_id WHERE i.external_id = :user
					ORDER BY n.created_at DESC LIMIT 1
					""").bind("user", waId).map((row) -> row.get(0, String.class)).all().collectList().block();
			assertThat(found).containsExactly(status + " " + ((channel != null) ? channel : "-"));
		});
	}

	private String wamidOf(JsonNode sent) {
		String ourId = sent.path("biz_opaque_callback_data").asText();
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> this.db.sql("SELECT platform_id FROM outgoing_messages WHERE our_id = :ours")
				.bind("ours", java.util.UUID.fromString(ourId))
				.map((row) -> row.get(0, String.class))
				.one()
				.blockOptional(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	private String customerOf(String waId) {
		return this.db.sql("SELECT customer_id::text FROM channel_identities WHERE external_id = :user")
			.bind("user", waId)
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
	}

	private String statusOf(String wamid) {
		return this.db.sql("SELECT status FROM outgoing_messages WHERE platform_id = :w")
			.bind("w", wamid)
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
	}

	private static String status(String wamid, String status, String extra) {
		return """
				{"id": "%s", "status": "%s", "timestamp": "1764590100", "recipient_id": "491510000005",
				 "pricing": {"billable": false, "pricing_model": "PMP", "category": "service", "type": "free_customer_service"}%s}"""
			.formatted(wamid, status, extra);
	}

	private static String statuses(String... statuses) {
		return """
				{"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"value": {
				  "messaging_product": "whatsapp",
				  "metadata": {"display_phone_number": "15550783881", "phone_number_id": "%s"},
				  "statuses": [%s]}, "field": "messages"}]}]}""".formatted(NUMBER, String.join(",", statuses));
	}

	private String linkCode() {
		String store = this.till.openStore();
		this.till.staff("CASHIER", store);
		StaffId staffId = this.staffAccounts.all().filter((m) -> m.username().startsWith("cashier-")).blockFirst().id();
		return this.issueLinkCode.issue(staffId, ADMIN).block().code();
	}

	private String cardOf(String waId) {
		Long number = this.db.sql("""
				SELECT c.card_number FROM customers c JOIN channel_identities i ON i.customer_id = c.id
				WHERE i.external_id = :user
				""").bind("user", waId).map((row) -> row.get(0, Long.class)).one().block();
		return this.codes.sign(CodePurpose.CARD, number);
	}

	private static String text(String body) {
		return "\"type\": \"text\", \"text\": {\"body\": \"" + body + "\"}";
	}

	private static String buttonReply(String id, String title) {
		return "\"type\": \"interactive\", \"interactive\": {\"type\": \"button_reply\", \"button_reply\": "
				+ "{\"id\": \"" + id + "\", \"title\": \"" + title + "\"}}";
	}

	private static String listReply(String id, String title) {
		return "\"type\": \"interactive\", \"interactive\": {\"type\": \"list_reply\", \"list_reply\": " + "{\"id\": \""
				+ id + "\", \"title\": \"" + title + "\", \"description\": \"\"}}";
	}

	/**
	 * One message with its sender's contact, as one {@code messages} change carries it.
	 */
	private static String message(String waId, String name, String content) {
		return messageAt(waId, name, content, Instant.now());
	}

	/** As {@link #message}, sent by the user at {@code sentAt}. */
	private static String messageAt(String waId, String name, String content, Instant sentAt) {
		return """
				{"contact": {"profile": {"name": "%s"}, "wa_id": "%s"},
				 "message": {"from": "%s", "id": "wamid.HBgL%s%d", "timestamp": "%d", %s}}""".formatted(name, waId,
				waId, waId, WAMIDS.incrementAndGet(), sentAt.getEpochSecond(), content);
	}

	/**
	 * One message of a user with a business-scoped user id, with or without their phone
	 * number.
	 */
	private static String withBsuid(@Nullable String waId, String bsuid, String name, String content) {
		String phone = (waId != null) ? ", \"wa_id\": \"" + waId + "\"" : "";
		return """
				{"contact": {"profile": {"name": "%s"}, "user_id": "%s"%s},
				 "message": {"from": "%s", "id": "wamid.HBgL%s%d", "timestamp": "1764590000", %s}}""".formatted(name,
				bsuid, phone, (waId != null) ? waId : bsuid, bsuid, WAMIDS.incrementAndGet(), content);
	}

	/** A webhook body in Meta's shape with the messages in one change. */
	private String batch(String... messages) {
		List<String> contacts = new ArrayList<>();
		List<String> bodies = new ArrayList<>();
		for (String message : messages) {
			try {
				JsonNode parsed = this.json.readTree(message);
				contacts.add(parsed.get("contact").toString());
				bodies.add(parsed.get("message").toString());
			}
			catch (IOException ex) {
				throw new IllegalArgumentException(ex);
			}
		}
		return """
				{"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"value": {
				  "messaging_product": "whatsapp",
				  "metadata": {"display_phone_number": "15550783881", "phone_number_id": "%s"},
				  "contacts": [%s], "messages": [%s]}, "field": "messages"}]}]}""".formatted(NUMBER,
				String.join(",", contacts), String.join(",", bodies));
	}

	private WebTestClient.ResponseSpec webhook(String body) {
		return webhook(body, sign(body));
	}

	private WebTestClient.ResponseSpec webhook(String body, String signature) {
		return this.http.post()
			.uri("/webhooks/whatsapp")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Hub-Signature-256", signature)
			.bodyValue(body.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	private static String sign(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits for a message to the user whose text (or interactive body) contains the text.
	 */
	private JsonNode awaitSent(String to, String text) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> sentTo(to).stream().filter((body) -> textOf(body).contains(text)).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
	}

	private List<JsonNode> sentTo(String to) {
		return GRAPH.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(containing(to)))
			.stream()
			.sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
			.map(this::body)
			.filter((body) -> to.equals(body.path("to").asText()))
			.toList();
	}

	private List<String> sentTexts() {
		return GRAPH.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)))
			.stream()
			.map(this::body)
			.map(WhatsAppWebhookIT::textOf)
			.toList();
	}

	private JsonNode body(LoggedRequest request) {
		try {
			return this.json.readTree(request.getBodyAsString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String textOf(JsonNode body) {
		return switch (body.path("type").asText()) {
			case "text" -> body.at("/text/body").asText();
			case "interactive" -> body.at("/interactive/body/text").asText();
			case "image" -> body.at("/image/caption").asText();
			case "template" -> body.at("/template/name").asText();
			default -> "";
		};
	}

	private long count(String sql) {
		Number value = this.db.sql(sql).map((row) -> (Number) row.get(0)).one().block();
		return value.longValue();
	}

}
