package dev.punchcard.app.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.punchcard.core.campaign.application.CampaignVoucherOutcome;
import dev.punchcard.core.campaign.application.IssueCampaignVoucher;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.RewardId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Message templates end to end: the WhatsApp sync against WireMock standing in for the
 * Graph API (approved, paused and rejected templates over two pages), Telegram templates
 * written through the API, the preview of both channels for a known member, bad input,
 * and campaign vouchers honoured and cancelled at the till without touching the ledger.
 */
@TestMethodOrder(MethodOrderer.Random.class)
@TestPropertySource(properties = { "punchcard.whatsapp.access-token=" + TemplateApiIT.TOKEN,
		"punchcard.whatsapp.phone-number-id=106540352242922", "punchcard.whatsapp.app-secret=template-app-secret",
		"punchcard.whatsapp.verify-token=template-verify-token", "punchcard.whatsapp.display-phone-number=15550001234",
		"punchcard.whatsapp.business-account-id=" + TemplateApiIT.WABA, "punchcard.whatsapp.retries.first-backoff=10ms",
		"punchcard.whatsapp.template-sync.scheduled=false", "punchcard.whatsapp.template-sync.page-size=2" })
// its WhatsApp intake and outbox poller must not outlive the class
@DirtiesContext
class TemplateApiIT extends ApiIT {

	static final String TOKEN = "EAAG-template-test-token";

	static final String WABA = "102290129340398";

	static final String LISTING = "/v24.0/" + WABA + "/message_templates";

	static final WireMockServer GRAPH = new WireMockServer(options().dynamicPort());

	@Autowired
	ObjectMapper json;

	@Autowired
	IssueCampaignVoucher issueCampaignVoucher;

	private String marketer;

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
	void aGraphApiWithTwoPagesOfTemplates() {
		GRAPH.resetAll();
		GRAPH.stubFor(get(urlPathEqualTo(LISTING)).withQueryParam("after", equalTo("QVFIUmlh")).willReturn(okJson("""
				{"data": [
				  {"name": "bad_words", "language": "en", "status": "REJECTED", "category": "MARKETING",
				   "id": "3003", "parameter_format": "POSITIONAL",
				   "components": [{"type": "BODY", "text": "Nope {{1}}", "example": {"body_text": [["x"]]}}]},
				  {"name": "balance_reminder", "language": "ru", "status": "APPROVED", "category": "UTILITY",
				   "id": "3004",
				   "components": [{"type": "BODY", "text": "Баланс: {{2}} баллов, {{1}}!"}]}],
				 "paging": {"cursors": {"before": "QVFIUmlh", "after": "QVFIUmxy"}}}""")));
		GRAPH.stubFor(get(urlPathEqualTo(LISTING)).withQueryParam("limit", equalTo("2"))
			.withQueryParam("fields", equalTo("name,language,status,category,id,parameter_format,components"))
			.atPriority(10)
			.willReturn(
					okJson("""
							{"data": [
							  {"name": "spring_sale", "language": "en_US", "status": "APPROVED", "category": "MARKETING",
							   "id": "3001", "parameter_format": "NAMED",
							   "components": [
							     {"type": "HEADER", "format": "TEXT", "text": "Hi {{first_name}}",
							      "example": {"header_text_named_params": [{"param_name": "first_name", "example": "Ann"}]}},
							     {"type": "BODY", "text": "You have {{balance}} points. Your code: {{code}}",
							      "example": {"body_text_named_params": [{"param_name": "balance", "example": "120"},
							                                             {"param_name": "code", "example": "ABCD"}]}},
							     {"type": "FOOTER", "text": "Reply STOP to opt out"},
							     {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Stop promotions"},
							                                     {"type": "URL", "text": "Shop", "url": "https://shop.example/{{1}}"}]}]},
							  {"name": "winter_sale", "language": "en_US", "status": "PAUSED", "category": "MARKETING",
							   "id": "3002", "parameter_format": "POSITIONAL",
							   "components": [{"type": "BODY", "text": "Winter is here, {{1}}"}]}],
							 "paging": {"cursors": {"before": "QVFIUmxy", "after": "QVFIUmlh"},
							            "next": "http://localhost:%d%s?fields=name&limit=2&after=QVFIUmlh"}}"""
						.formatted(GRAPH.port(), LISTING))));
		this.marketer = this.till.staff("MARKETER", null);
	}

	@Test
	void should_sync_approved_paused_and_rejected_templates_from_every_page_when_a_marketer_asks() {
		JsonNode synced = this.till.post(this.marketer, "/api/v1/templates/whatsapp:sync", Map.of(), HttpStatus.OK);

		assertThat(synced.path("outcome").asText()).isEqualTo("SYNCED");
		assertThat(synced.path("listed").asInt()).isEqualTo(4);
		assertThat(synced.path("added").asInt()).isEqualTo(4);
		GRAPH.verify(2,
				getRequestedFor(urlPathEqualTo(LISTING)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
		JsonNode listed = this.till.get(this.marketer, "/api/v1/templates?channel=whatsapp", HttpStatus.OK);
		assertThat(listed.findValuesAsText("name")).containsExactly("bad_words", "balance_reminder", "spring_sale",
				"winter_sale");
		assertThat(listed.findValuesAsText("status")).containsExactly("REJECTED", "APPROVED", "APPROVED", "PAUSED");
		assertThat(listed.findValues("sendable")).extracting(JsonNode::asBoolean)
			.containsExactly(false, true, true, false);
		JsonNode spring = listed.get(2);
		assertThat(spring.path("parameterFormat").asText()).isEqualTo("NAMED");
		assertThat(texts(spring.path("parameters"))).containsExactly("header.first_name", "body.balance", "body.code",
				"button.1.1");
		assertThat(listed.get(3).path("notSendableBecause").asText()).contains("paused");
		assertThat(texts(listed.get(1).path("parameters"))).containsExactly("body.2", "body.1");
		assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'whatsapp_templates.synced' "
				+ "AND actor_id IS NOT NULL AND entity_id = '" + WABA + "'"))
			.isEqualTo(1);
	}

	@Test
	void should_answer_502_and_keep_the_templates_when_the_graph_api_refuses_the_listing() {
		this.till.post(this.marketer, "/api/v1/templates/whatsapp:sync", Map.of(), HttpStatus.OK);
		GRAPH.resetAll();
		GRAPH.stubFor(get(urlPathEqualTo(LISTING))
			.willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
					{"error": {"message": "Error validating access token", "type": "OAuthException", "code": 190,
					 "fbtrace_id": "AbCdEf"}}""")));

		JsonNode problem = this.till.post(this.marketer, "/api/v1/templates/whatsapp:sync", Map.of(),
				HttpStatus.BAD_GATEWAY);

		assertThat(problem.path("detail").asText()).contains("190").doesNotContain(TOKEN);
		assertThat(this.till.get(this.marketer, "/api/v1/templates?channel=WHATSAPP", HttpStatus.OK)).hasSize(4);
	}

	@Test
	void should_preview_a_whatsapp_template_as_the_exact_messages_body_for_a_known_member() throws Exception {
		this.till.post(this.marketer, "/api/v1/templates/whatsapp:sync", Map.of(), HttpStatus.OK);
		String spring = idOf("spring_sale");
		String customer = member("Jörg  Müller");
		chat(customer, "WHATSAPP", "4915100000009");
		String reward = this.till.reward("Coffee", 50, null).path("id").asText();

		JsonNode preview = this.till.post(this.marketer, "/api/v1/templates/" + spring + "/preview",
				Map.of("customerId", customer, "voucherRewardId", reward, "bindings",
						Map.of("header.first_name", Map.of("field", "first_name"), "body.balance",
								Map.of("field", "balance"), "body.code", Map.of("field", "campaign_voucher"),
								"button.1.1", Map.of("constant", "spring 2026"))),
				HttpStatus.OK);

		assertThat(preview.path("channel").asText()).isEqualTo("WHATSAPP");
		assertThat(preview.path("to").asText()).isEqualTo("4915100000009");
		assertThat(preview.path("deliverable").asBoolean()).isTrue();
		assertThat(preview.path("sampleVoucher").asBoolean()).isTrue();
		assertThat(preview.path("text").asText()).isEqualTo("You have 0 points. Your code: SAMPLE-VOUCHER-CODE");
		assertThat(preview.path("requests")).hasSize(1);
		assertThat(preview.path("requests").get(0)).isEqualTo(this.json.readTree("""
				{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "4915100000009",
				 "type": "template", "biz_opaque_callback_data": "punchcard:broadcast",
				 "template": {"name": "spring_sale", "language": {"code": "en_US"}, "components": [
				   {"type": "header", "parameters": [{"type": "text", "parameter_name": "first_name", "text": "Jörg"}]},
				   {"type": "body", "parameters": [
				     {"type": "text", "parameter_name": "balance", "text": "0"},
				     {"type": "text", "parameter_name": "code", "text": "SAMPLE-VOUCHER-CODE"}]},
				   {"type": "button", "sub_type": "url", "index": "1",
				    "parameters": [{"type": "text", "text": "spring 2026"}]},
				   {"type": "button", "sub_type": "quick_reply", "index": "0",
				    "parameters": [{"type": "payload", "payload": "STOP_PROMOTIONS"}]}]}}"""));
		assertThat(count("SELECT count(*) FROM vouchers")).as("a preview issues nothing").isZero();
	}

	@Test
	void should_sync_media_header_templates_and_preview_them_with_the_header_link_bound_to_an_https_url()
			throws Exception {
		GRAPH.stubFor(get(urlPathEqualTo(LISTING)).atPriority(1)
			.willReturn(
					okJson("""
							{"data": [
							  {"name": "spring_look", "language": "en_US", "status": "APPROVED", "category": "MARKETING",
							   "id": "4001", "parameter_format": "POSITIONAL",
							   "components": [
							     {"type": "HEADER", "format": "IMAGE",
							      "example": {"header_handle": ["https://scontent.whatsapp.net/v/t61.29466-34/spring.jpg"]}},
							     {"type": "BODY", "text": "New season, {{1}}!", "example": {"body_text": [["Ann"]]}}]},
							  {"name": "price_list", "language": "en_US", "status": "APPROVED", "category": "MARKETING",
							   "id": "4002", "parameter_format": "POSITIONAL",
							   "components": [
							     {"type": "HEADER", "format": "DOCUMENT",
							      "example": {"header_handle": ["https://scontent.whatsapp.net/v/t61.29466-34/prices.pdf"]}},
							     {"type": "BODY", "text": "Our prices"}]},
							  {"name": "find_us", "language": "en_US", "status": "APPROVED", "category": "UTILITY",
							   "id": "4003", "components": [{"type": "HEADER", "format": "LOCATION"}, {"type": "BODY", "text": "Here"}]}],
							 "paging": {"cursors": {"before": "QVFIUm1h", "after": "QVFIUm1i"}}}""")));
		this.till.post(this.marketer, "/api/v1/templates/whatsapp:sync", Map.of(), HttpStatus.OK);

		JsonNode listed = this.till.get(this.marketer, "/api/v1/templates?channel=whatsapp", HttpStatus.OK);
		assertThat(listed.findValuesAsText("name")).containsExactly("find_us", "price_list", "spring_look");
		assertThat(listed.findValues("sendable")).extracting(JsonNode::asBoolean).containsExactly(false, true, true);
		assertThat(texts(listed.get(2).path("parameters"))).containsExactly("header.image", "body.1");
		assertThat(texts(listed.get(1).path("parameters"))).containsExactly("header.document");
		String customer = member("Ann");
		chat(customer, "WHATSAPP", "4915100000010");

		JsonNode preview = this.till.post(this.marketer, "/api/v1/templates/" + idOf("spring_look") + "/preview",
				Map.of("customerId", customer, "bindings",
						Map.of("header.image", Map.of("constant", "https://cdn.example/spring-2026.jpg"), "body.1",
								Map.of("field", "first_name"))),
				HttpStatus.OK);

		assertThat(preview.path("text").asText()).isEqualTo("New season, Ann!");
		assertThat(preview.at("/requests/0/template/components")).isEqualTo(this.json.readTree(
				"""
						[{"type": "header", "parameters": [{"type": "image", "image": {"link": "https://cdn.example/spring-2026.jpg"}}]},
						 {"type": "body", "parameters": [{"type": "text", "text": "Ann"}]}]"""));
		JsonNode refused = this.till.post(this.marketer, "/api/v1/templates/" + idOf("spring_look") + "/preview",
				Map.of("customerId", customer, "bindings",
						Map.of("header.image", Map.of("constant", "http://cdn.example/spring-2026.jpg"), "body.1",
								Map.of("field", "first_name"))),
				HttpStatus.BAD_REQUEST);
		assertThat(refused.at("/errors/0/field").asText()).isEqualTo("bindings.header.image");
		assertThat(refused.path("detail").asText()).contains("https link");
		this.till.post(this.marketer, "/api/v1/templates/" + idOf("price_list") + "/preview",
				Map.of("customerId", customer, "bindings", Map.of("header.document", Map.of("field", "first_name"))),
				HttpStatus.BAD_REQUEST);
	}

	@Test
	void should_preview_a_positional_template_in_number_order_when_its_text_has_them_out_of_order() {
		this.till.post(this.marketer, "/api/v1/templates/whatsapp:sync", Map.of(), HttpStatus.OK);
		String customer = member("Ann");

		JsonNode preview = this.till.post(this.marketer, "/api/v1/templates/" + idOf("balance_reminder") + "/preview",
				Map.of("customerId", customer, "bindings",
						Map.of("body.1", Map.of("field", "first_name"), "body.2", Map.of("constant", "1 000"))),
				HttpStatus.OK);

		assertThat(preview.path("text").asText()).isEqualTo("Баланс: 1 000 баллов, Ann!");
		assertThat(preview.path("deliverable").asBoolean()).isFalse();
		assertThat(preview.at("/requests/0/template/components/0/parameters").findValuesAsText("text"))
			.containsExactly("Ann", "1 000");
		assertThat(preview.at("/requests/0/template/components/0/parameters").findValues("parameter_name")).isEmpty();
	}

	@Test
	void should_create_preview_change_and_delete_a_telegram_template_with_escaped_member_values() {
		JsonNode created = this.till.post(this.marketer, "/api/v1/templates/telegram",
				Map.of("name", "Card reminder", "texts", Map.of("en",
						"*Hi {{first_name}}*, show your card at {{home_store}}!", "ru", "Привет, {{first_name}}"),
						"image", "MEMBER_CARD", "buttons",
						List.of(Map.of("label", "Invite friends", "url", "{{referral_link}}"),
								Map.of("label", "Shop", "url", "https://shop.example/?n={{first_name}}"),
								Map.of("label", "Rewards", "command", "rewards"))),
				HttpStatus.CREATED);
		String id = created.path("id").asText();
		assertThat(texts(created.path("parameters"))).containsExactly("first_name", "home_store", "referral_link");
		JsonNode enrolled = this.till.enrol(this.till.adminToken(), "<b>Ann</b> & co");
		String customer = enrolled.path("customerId").asText();

		JsonNode preview = this.till.post(this.marketer, "/api/v1/templates/" + id + "/preview",
				Map.of("customerId", customer, "bindings",
						Map.of("first_name", Map.of("field", "first_name"), "home_store",
								Map.of("constant", "Main & 5th"), "referral_link", Map.of("field", "referral_link"))),
				HttpStatus.OK);

		assertThat(preview.path("text").asText())
			.isEqualTo("<b>Hi &lt;b&gt;Ann&lt;/b&gt;</b>, show your card at Main &amp; 5th!");
		JsonNode photo = preview.path("requests").get(0);
		assertThat(photo.path("caption").asText()).isEqualTo(preview.path("text").asText());
		assertThat(photo.path("parse_mode").asText()).isEqualTo("HTML");
		assertThat(photo.at("/photo/image").asText()).isEqualTo("MEMBER_CARD");
		assertThat(photo.at("/photo/qrCode").asText()).isEqualTo(enrolled.path("cardCode").asText());
		JsonNode keys = photo.at("/reply_markup/inline_keyboard");
		assertThat(keys.get(0).get(0).path("url").asText()).startsWith("/start r-").doesNotContain("%");
		assertThat(keys.get(1).get(0).path("url").asText()).isEqualTo("https://shop.example/?n=%3Cb%3EAnn%3C%2Fb%3E");
		assertThat(keys.get(2).get(0).path("callback_data").asText()).isEqualTo("m:rewards");

		JsonNode changed = put("/api/v1/templates/telegram/" + id,
				Map.of("name", "Card reminder", "texts", Map.of("en", "Bye {{first_name}}")), HttpStatus.OK);
		assertThat(changed.path("image").asText()).isEqualTo("NONE");
		this.http.delete()
			.uri("/api/v1/templates/telegram/" + id)
			.headers((headers) -> headers.setBearerAuth(this.marketer))
			.exchange()
			.expectStatus()
			.isNoContent();
		this.till.get(this.marketer, "/api/v1/templates/" + id, HttpStatus.NOT_FOUND);
		assertThat(count(
				"SELECT count(*) FROM audit_log WHERE entity_type = 'telegram_template' AND entity_id = '" + id + "'"))
			.isEqualTo(3);
	}

	@Test
	void should_store_a_button_label_per_language_and_preview_it_in_the_members_language() {
		JsonNode created = this.till
			.post(this.marketer, "/api/v1/templates/telegram",
					Map.of("name", "Spring", "texts", Map.of("en", "Spring sale", "ru", "Весенняя распродажа"),
							"buttons",
							List.of(Map.of("label", Map.of("en", "Shop", "ru", "Магазин"), "url",
									"https://shop.example/"), Map.of("label", "Rewards", "command", "rewards"))),
					HttpStatus.CREATED);
		String id = created.path("id").asText();
		JsonNode buttons = this.till.get(this.marketer, "/api/v1/templates/" + id, HttpStatus.OK).path("buttons");
		assertThat(buttons.findValues("label")).as("as written: per language, or one label")
			.containsExactly(this.json.valueToTree(Map.of("en", "Shop", "ru", "Магазин")),
					this.json.valueToTree("Rewards"));
		String ivan = this.till
			.post(this.till.adminToken(), "/api/v1/customers", Map.of("name", "Иван", "language", "ru"),
					HttpStatus.CREATED)
			.path("customerId")
			.asText();

		JsonNode russian = this.till.post(this.marketer, "/api/v1/templates/" + id + "/preview",
				Map.of("customerId", ivan, "bindings", Map.of()), HttpStatus.OK);
		JsonNode english = this.till.post(this.marketer, "/api/v1/templates/" + id + "/preview",
				Map.of("customerId", member("Ann"), "bindings", Map.of()), HttpStatus.OK);

		assertThat(russian.path("text").asText()).isEqualTo("Весенняя распродажа");
		assertThat(russian.at("/requests/0/reply_markup/inline_keyboard").findValuesAsText("text"))
			.containsExactly("Магазин", "Rewards");
		assertThat(english.at("/requests/0/reply_markup/inline_keyboard").findValuesAsText("text"))
			.containsExactly("Shop", "Rewards");
		JsonNode wrong = this.till.post(this.marketer, "/api/v1/templates/telegram",
				Map.of("name", "Wrong", "texts", Map.of("en", "Hi"), "buttons",
						List.of(Map.of("label", Map.of("de", "Laden", "en", 5), "command", "rewards"))),
				HttpStatus.BAD_REQUEST);
		assertThat(wrong.path("errors").findValuesAsText("field")).containsExactly("buttons[0].label.en");
		JsonNode german = this.till.post(
				this.marketer, "/api/v1/templates/telegram", Map.of("name", "Wrong", "texts", Map.of("en", "Hi"),
						"buttons", List.of(Map.of("label", Map.of("de", "Laden"), "command", "rewards"))),
				HttpStatus.BAD_REQUEST);
		assertThat(german.path("errors").findValuesAsText("field")).containsExactly("buttons[0].label",
				"buttons[0].label.de");
	}

	@Test
	void should_answer_400_naming_the_field_409_for_a_taken_name_and_404_for_unknown_ids() {
		JsonNode unknownField = this.till.post(this.marketer, "/api/v1/templates/telegram",
				Map.of("name", "Bad", "texts", Map.of("en", "Hi"), "colour", "red"), HttpStatus.BAD_REQUEST);
		assertThat(unknownField.path("errors").findValuesAsText("field")).containsExactly("colour");
		JsonNode unknownPlaceholder = this.till.post(this.marketer, "/api/v1/templates/telegram",
				Map.of("name", "Bad", "texts", Map.of("en", "Hi {{nickname}}")), HttpStatus.BAD_REQUEST);
		assertThat(unknownPlaceholder.path("errors").findValuesAsText("field")).containsExactly("texts.en");
		assertThat(unknownPlaceholder.path("detail").asText()).contains("{{nickname}}");
		JsonNode tooLong = this.till.post(this.marketer, "/api/v1/templates/telegram",
				Map.of("name", "Long", "texts", Map.of("en", "a".repeat(1025)), "image", "CAMPAIGN_VOUCHER"),
				HttpStatus.BAD_REQUEST);
		assertThat(tooLong.path("detail").asText()).contains("texts.en").contains("1024");
		this.till.post(this.marketer, "/api/v1/templates/telegram",
				Map.of("name", "Hello", "texts", Map.of("en", "Hi")), HttpStatus.CREATED);
		this.till.post(this.marketer, "/api/v1/templates/telegram",
				Map.of("name", "HELLO", "texts", Map.of("en", "Hi")), HttpStatus.CONFLICT);
		put("/api/v1/templates/telegram/" + UUID.randomUUID(), Map.of("name", "X", "texts", Map.of("en", "Hi")),
				HttpStatus.NOT_FOUND);
		this.till.get(this.marketer, "/api/v1/templates/not-a-uuid", HttpStatus.BAD_REQUEST);
		this.till.get(this.marketer, "/api/v1/templates?channel=fax", HttpStatus.BAD_REQUEST);

		this.till.post(this.marketer, "/api/v1/templates/whatsapp:sync", Map.of(), HttpStatus.OK);
		String spring = idOf("spring_sale");
		String ann = member("Ann");
		JsonNode notAField = this.till.post(this.marketer, "/api/v1/templates/" + spring + "/preview",
				Map.of("customerId", ann, "bindings", Map.of("body.balance", Map.of("field", "points"))),
				HttpStatus.BAD_REQUEST);
		assertThat(notAField.path("errors").findValuesAsText("field")).containsExactly("bindings.body.balance.field");
		JsonNode unbound = this.till.post(this.marketer, "/api/v1/templates/" + spring + "/preview",
				Map.of("customerId", ann, "bindings",
						Map.of("body.balance", Map.of("field", "balance"), "body.colour", Map.of("constant", "red"))),
				HttpStatus.BAD_REQUEST);
		assertThat(unbound.path("errors").findValuesAsText("field")).containsExactly("bindings.body.code",
				"bindings.body.colour", "bindings.button.1.1", "bindings.header.first_name");
		this.till.post(this.marketer, "/api/v1/templates/" + UUID.randomUUID() + "/preview",
				Map.of("customerId", member("Bob")), HttpStatus.NOT_FOUND);
		this.till.post(
				this.marketer, "/api/v1/templates/" + idOf("bad_words") + "/preview", Map.of("customerId",
						UUID.randomUUID().toString(), "bindings", Map.of("body.1", Map.of("constant", "x"))),
				HttpStatus.NOT_FOUND);
		this.till.post(this.marketer, "/api/v1/templates/" + idOf("bad_words") + "/preview", Map.of(),
				HttpStatus.BAD_REQUEST);
	}

	@Test
	void should_honour_a_campaign_voucher_at_the_till_and_cancel_one_without_touching_points() {
		String cashier = this.till.staff("CASHIER", this.till.openStore());
		String customer = member("Cleo");
		RewardId reward = new RewardId(UUID.fromString(this.till.reward("Coffee", 50, 10).path("id").asText()));
		CustomerId member = new CustomerId(UUID.fromString(customer));

		CampaignVoucherOutcome.Issued first = (CampaignVoucherOutcome.Issued) this.issueCampaignVoucher
			.issue("spring-2026", member, reward)
			.block();
		CampaignVoucherOutcome retried = this.issueCampaignVoucher.issue("spring-2026", member, reward).block();
		assertThat(retried).isEqualTo(new CampaignVoucherOutcome.AlreadyIssued(first.voucher(), first.voucherCode()));

		this.till.post(cashier, "/api/v1/vouchers/" + first.voucherCode() + "/honour", Map.of(), HttpStatus.OK);
		this.till.post(cashier, "/api/v1/vouchers/" + first.voucherCode() + "/honour", Map.of(), HttpStatus.CONFLICT);
		CampaignVoucherOutcome.Issued second = (CampaignVoucherOutcome.Issued) this.issueCampaignVoucher
			.issue("summer-2026", member, reward)
			.block();
		this.till.post(cashier, "/api/v1/vouchers/" + second.voucherCode() + "/cancel", Map.of(), HttpStatus.OK);

		assertThat(count("SELECT count(*) FROM points_ledger_entries")).isZero();
		assertThat(this.till.get(cashier, "/api/v1/customers/" + customer, HttpStatus.OK).path("balance").asLong())
			.isZero();
		assertThat(count("SELECT stock::bigint FROM rewards")).as("one honoured, one back after the cancel")
			.isEqualTo(9);
		assertThat(ledgerMismatches()).isZero();
	}

	private String member(String name) {
		return this.till.enrol(this.till.adminToken(), name).path("customerId").asText();
	}

	private void chat(String customer, String channel, String externalId) {
		this.db
			.sql("INSERT INTO channel_identities (id, customer_id, channel, external_id, chat_id) "
					+ "VALUES (:id, :customer, :channel, :external, :external)")
			.bind("id", UUID.randomUUID())
			.bind("customer", UUID.fromString(customer))
			.bind("channel", channel)
			.bind("external", externalId)
			.then()
			.block();
	}

	private String idOf(String name) {
		JsonNode listed = this.till.get(this.marketer, "/api/v1/templates?channel=WHATSAPP", HttpStatus.OK);
		for (JsonNode template : listed) {
			if (template.path("name").asText().equals(name)) {
				return template.path("id").asText();
			}
		}
		throw new AssertionError("no template " + name);
	}

	private JsonNode put(String uri, Object body, HttpStatus expected) {
		return this.http.put()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(this.marketer))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(expected)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private static List<String> texts(JsonNode array) {
		return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
	}

	private long count(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block();
	}

}
