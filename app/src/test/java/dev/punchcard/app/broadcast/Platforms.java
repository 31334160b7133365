package dev.punchcard.app.broadcast;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock as the Graph API (WhatsApp Cloud API and the template listing) and as the
 * Telegram Bot API, answering in the platforms' own shapes, and what they were sent, per
 * recipient. The settings of the end-to-end broadcast tests are in
 * {@code broadcast-e2e.properties}.
 */
final class Platforms {

	static final Properties SETTINGS = settings();

	static final String NUMBER = SETTINGS.getProperty("punchcard.whatsapp.phone-number-id");

	static final String WABA = SETTINGS.getProperty("punchcard.whatsapp.business-account-id");

	static final String APP_SECRET = SETTINGS.getProperty("punchcard.whatsapp.app-secret");

	static final String MESSAGES = "/v24.0/" + NUMBER + "/messages";

	static final String LISTING = "/v24.0/" + WABA + "/message_templates";

	static final String BOT = "/bot" + SETTINGS.getProperty("punchcard.telegram.token");

	static final String SEND_MESSAGE = BOT + "/sendMessage";

	private static final ObjectMapper JSON = new ObjectMapper();

	final WireMockServer graph = new WireMockServer(
			options().dynamicPort().templatingEnabled(true).globalTemplating(false));

	final WireMockServer telegram = new WireMockServer(
			options().dynamicPort().templatingEnabled(true).globalTemplating(false));

	Platforms start() {
		if (!this.graph.isRunning()) {
			this.graph.start();
			this.telegram.start();
		}
		return this;
	}

	void stop() {
		this.graph.stop();
		this.telegram.stop();
	}

	String graphUrl() {
		return "http://localhost:" + this.graph.port();
	}

	String telegramUrl() {
		return "http://localhost:" + this.telegram.port();
	}

	/** Both platforms take every message at once, and the template is APPROVED. */
	void healthy() {
		this.graph.resetAll();
		this.telegram.resetAll();
		listSpringSale("APPROVED");
		whatsAppAnswers(0);
		this.telegram.stubFor(post(urlPathMatching(BOT + "/.*")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
		telegramAnswers(0);
	}

	/** Every WhatsApp send is accepted after {@code delayMillis}, with a fresh wamid. */
	void whatsAppAnswers(int delayMillis) {
		this.graph.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(5)
			.willReturn(
					okJson("""
							{"messaging_product": "whatsapp",
							 "contacts": [{"input": "{{jsonPath request.body '$.to'}}", "wa_id": "{{jsonPath request.body '$.to'}}"}],
							 "messages": [{"id": "wamid.HBgL{{randomValue length=32 type='ALPHANUMERIC'}}", "message_status": "accepted"}]}""")
						.withFixedDelay(delayMillis)
						.withTransformers("response-template")));
	}

	/** Every Telegram sendMessage answers the sent message after {@code delayMillis}. */
	void telegramAnswers(int delayMillis) {
		this.telegram.stubFor(post(urlPathEqualTo(SEND_MESSAGE)).atPriority(5).willReturn(okJson("""
				{"ok": true, "result": {"message_id": {{randomInt lower=1 upper=2000000000}},
				 "from": {"id": 123456, "is_bot": true, "first_name": "Punchcard", "username": "punchcard_bot"},
				 "chat": {"id": {{jsonPath request.body '$.chat_id'}}, "first_name": "Member", "type": "private"},
				 "date": 1764640000}}""").withFixedDelay(delayMillis).withTransformers("response-template")));
	}

	/** Stubs that answer before the usual ones (priority 1), e.g. an error. */
	void graphFirst(MappingBuilder stub) {
		this.graph.stubFor(stub.atPriority(1));
	}

	void telegramFirst(MappingBuilder stub) {
		this.telegram.stubFor(stub.atPriority(1));
	}

	/** The template listing with spring_sale in the given status. */
	void listSpringSale(String status) {
		this.graph.stubFor(get(urlPathEqualTo(LISTING)).willReturn(
				okJson("""
						{"data": [{"name": "spring_sale", "language": "en", "status": "%s", "category": "MARKETING",
						           "id": "4001", "parameter_format": "POSITIONAL",
						           "components": [{"type": "BODY", "text": "Spring sale, {{1}}! As a {{2}} member you get 20%% off.",
						                           "example": {"body_text": [["Ann", "GOLD"]]}},
						                          {"type": "FOOTER", "text": "Reply STOP to opt out"},
						                          {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "More offers"},
						                                                          {"type": "QUICK_REPLY", "text": "Stop promotions"}]}]}],
						 "paging": {"cursors": {"before": "QVFIU", "after": "QVFIU"}}}"""
					.formatted(status))));
	}

	/** A Graph API error as Meta answers it. */
	static ResponseDefinitionBuilder graphError(int status, int code, String message, String details) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"""
							{"error": {"message": "(#%d) %s", "type": "OAuthException", "code": %d,
							 "error_data": {"messaging_product": "whatsapp", "details": "%s"}, "fbtrace_id": "AZx3Fo1lVcdmVgAhVtSFqQc"}}"""
						.formatted(code, message, code, details));
	}

	/** A Bot API error as Telegram answers it. */
	static ResponseDefinitionBuilder telegramError(int status, String description, Integer retryAfter) {
		String parameters = (retryAfter == null) ? "" : ", \"parameters\": {\"retry_after\": " + retryAfter + "}";
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\": false, \"error_code\": " + status + ", \"description\": " + quoted(description)
					+ parameters + "}");
	}

	/** The WhatsApp sends the fake took (2xx), by recipient. */
	Map<String, List<JsonNode>> whatsAppDelivered() {
		return byRecipient(sends(this.graph, MESSAGES, true), (body) -> body.path("to").asText());
	}

	/** The Telegram messages the fake took (2xx), by chat. */
	Map<String, List<JsonNode>> telegramDelivered() {
		return byRecipient(sends(this.telegram, SEND_MESSAGE, true), (body) -> body.path("chat_id").asText());
	}

	/** Every send the platform was asked for, whatever it answered, oldest first. */
	static List<ServeEvent> sends(WireMockServer server, String path, boolean acceptedOnly) {
		return server.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().startsWith(path))
			.filter((event) -> !acceptedOnly || event.getResponse().getStatus() / 100 == 2)
			.sorted(Comparator.comparing((ServeEvent event) -> event.getRequest().getLoggedDate()))
			.toList();
	}

	static Instant at(ServeEvent event) {
		return event.getRequest().getLoggedDate().toInstant();
	}

	static JsonNode body(ServeEvent event) {
		try {
			return JSON.readTree(event.getRequest().getBodyAsString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, List<JsonNode>> byRecipient(List<ServeEvent> events, Function<JsonNode, String> to) {
		return events.stream()
			.map(Platforms::body)
			.collect(Collectors.groupingBy(to, TreeMap::new, Collectors.toList()));
	}

	/** The template body text a WhatsApp send filled in, parameter by parameter. */
	static List<String> bodyParameters(JsonNode send) {
		for (JsonNode component : send.path("template").path("components")) {
			if ("body".equals(component.path("type").asText())) {
				return component.path("parameters").findValuesAsText("text");
			}
		}
		return List.of();
	}

	/** A webhook body signed with the app secret, as Meta signs it. */
	static String signature(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A {@code statuses} webhook of the number with these statuses. */
	static String statuses(String... statuses) {
		return """
				{"object": "whatsapp_business_account", "entry": [{"id": "%s", "changes": [{"value": {
				  "messaging_product": "whatsapp",
				  "metadata": {"display_phone_number": "15550001234", "phone_number_id": "%s"},
				  "statuses": [%s]}, "field": "messages"}]}]}""".formatted(WABA, NUMBER, String.join(",", statuses));
	}

	/** One status of a marketing template message, as in the fixtures. */
	static String status(String wamid, String waId, String status, Instant at) {
		String pricing = "read".equals(status) ? "" : """
				, "conversation": {"id": "4b5c6d7e8f", "origin": {"type": "marketing"}},
				 "pricing": {"billable": true, "pricing_model": "PMP", "category": "marketing", "type": "regular"}""";
		return """
				{"id": "%s", "status": "%s", "timestamp": "%d", "recipient_id": "%s"%s}""".formatted(wamid, status,
				at.getEpochSecond(), waId, pricing);
	}

	/** A failed status with Meta's error, as in {@code status_failed.json}. */
	static String failed(String wamid, String waId, Instant at, int code, String title, String details) {
		return """
				{"id": "%s", "status": "failed", "timestamp": "%d", "recipient_id": "%s",
				 "errors": [{"code": %d, "title": "%s", "message": "%s", "error_data": {"details": "%s"},
				             "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}]}"""
			.formatted(wamid, at.getEpochSecond(), waId, code, title, title, details);
	}

	/**
	 * A tap on a template's quick-reply button, replying to the message {@code wamid}, as
	 * in {@code inbound_template_quick_reply_button.json}.
	 */
	static String quickReply(String waId, String name, String wamid, String payload, String text, String ownId) {
		return """
				{"object": "whatsapp_business_account", "entry": [{"id": "%s", "changes": [{"value": {
				  "messaging_product": "whatsapp",
				  "metadata": {"display_phone_number": "15550001234", "phone_number_id": "%s"},
				  "contacts": [{"profile": {"name": "%s"}, "wa_id": "%s"}],
				  "messages": [{"context": {"from": "15550001234", "id": "%s"}, "from": "%s", "id": "%s",
				                "timestamp": "%d", "type": "button", "button": {"payload": "%s", "text": "%s"}}]},
				  "field": "messages"}]}]}""".formatted(WABA, NUMBER, name, waId, wamid, waId, ownId,
				Instant.now().getEpochSecond(), payload, text);
	}

	private static String quoted(String text) {
		try {
			return JSON.writeValueAsString(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Properties settings() {
		Properties properties = new Properties();
		try (InputStream in = Platforms.class.getResourceAsStream("/broadcast-e2e.properties")) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
