package dev.punchcard.app.broadcast;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.punchcard.app.api.Till;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a marketer does through the API (segments, templates, broadcasts and their
 * progress), and the members a test needs, written straight into the tables: thousands of
 * enrolments through the API would take longer than the broadcast.
 */
final class BroadcastDesk {

	/** Generous: the machine may be loaded, and each wait ends as soon as it holds. */
	static final Duration PATIENCE = Duration.ofSeconds(60);

	private final WebTestClient http;

	private final DatabaseClient db;

	private final Till till;

	private final String marketer;

	BroadcastDesk(WebTestClient http, DatabaseClient db, Till till) {
		this.http = http;
		this.db = db;
		this.till = till;
		this.marketer = till.staff("MARKETER", null);
	}

	// --- members -----------------------------------------------------------------

	/** How a seeded member can be reached. */
	enum Reach {

		/** a Telegram chat only */
		TELEGRAM,
		/** a WhatsApp chat only */
		WHATSAPP,
		/** both chats */
		BOTH,
		/** no chat at all */
		NONE

	}

	/**
	 * Members {@code from} to {@code from + count - 1}, named {@code Ann<n> Tester}
	 * (first name {@code Ann<n>}), with the chats of {@code reach}: Telegram chat
	 * {@link #telegramChat}, WhatsApp number {@link #waId}.
	 */
	void members(int from, int count, Reach reach, String preferred) {
		DatabaseClient.GenericExecuteSpec insert = this.db.sql("""
				INSERT INTO customers (id, name, referral_code, card_number, preferred_channel)
				SELECT gen_random_uuid(), 'Ann' || i || ' Tester', 'R-' || i, 800000 + i, CAST(:preferred AS text)
				FROM generate_series(:from, :to) i
				""").bind("from", from).bind("to", from + count - 1);
		insert = (preferred == null) ? insert.bindNull("preferred", String.class) : insert.bind("preferred", preferred);
		insert.then().block();
		// as enrolment does: every member has a balance row
		this.db.sql("""
				INSERT INTO points_balances (customer_id, balance)
				SELECT c.id, 0 FROM customers c WHERE c.card_number BETWEEN 800000 + :from AND 800000 + :to
				""").bind("from", from).bind("to", from + count - 1).then().block();
		if (reach == Reach.TELEGRAM || reach == Reach.BOTH) {
			chats(from, count, "TELEGRAM", "(700000000 + i)::text");
		}
		if (reach == Reach.WHATSAPP || reach == Reach.BOTH) {
			chats(from, count, "WHATSAPP", "'4915' || lpad(i::text, 8, '0')");
		}
	}

	private void chats(int from, int count, String channel, String externalId) {
		this.db.sql("""
				INSERT INTO channel_identities (id, customer_id, channel, external_id, chat_id, last_seen_at)
				SELECT gen_random_uuid(), c.id, '%1$s', %2$s, %2$s, now() - interval '3 days'
				FROM generate_series(:from, :to) i JOIN customers c ON c.card_number = 800000 + i
				""".formatted(channel, externalId)).bind("from", from).bind("to", from + count - 1).then().block();
	}

	/**
	 * The members' chat on the channel blocked the bot (Telegram 403 / WhatsApp 131026).
	 */
	void unreachable(int from, int count, String channel) {
		this.db
			.sql("""
					UPDATE channel_identities i SET reachable = false, unreachable_since = now()
					FROM customers c
					WHERE c.id = i.customer_id AND i.channel = :channel AND c.card_number BETWEEN 800000 + :from AND 800000 + :to
					""")
			.bind("channel", channel)
			.bind("from", from)
			.bind("to", from + count - 1)
			.then()
			.block();
	}

	/**
	 * The members opted out of marketing on the channel: STOP in the chat, or WhatsApp's
	 * own setting (the {@code user_preferences} webhook).
	 */
	void optedOut(int from, int count, String channel, String source) {
		this.db.sql("""
				INSERT INTO marketing_consents (channel, external_id, opted_out, source, changed_at)
				SELECT i.channel, i.external_id, true, :source, now() - interval '1 day'
				FROM channel_identities i JOIN customers c ON c.id = i.customer_id
				WHERE i.channel = :channel AND c.card_number BETWEEN 800000 + :from AND 800000 + :to
				""")
			.bind("channel", channel)
			.bind("source", source)
			.bind("from", from)
			.bind("to", from + count - 1)
			.then()
			.block();
	}

	static String telegramChat(int member) {
		return Long.toString(700000000L + member);
	}

	static String waId(int member) {
		return "4915" + String.format("%08d", member);
	}

	static String firstName(int member) {
		return "Ann" + member;
	}

	String customerId(int member) {
		return this.db.sql("SELECT id::text FROM customers WHERE card_number = :number")
			.bind("number", 800000 + member)
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
	}

	long count(String sql) {
		Number value = this.db.sql(sql).map((row) -> (Number) row.get(0)).one().block();
		return (value == null) ? 0 : value.longValue();
	}

	// --- what the marketer does -----------------------------------------------------

	String everyone() {
		return this.till
			.post(this.marketer, "/api/v1/segments",
					Map.of("name", "everyone " + UUID.randomUUID(), "filter", Map.of()), HttpStatus.CREATED)
			.path("id")
			.asText();
	}

	/** Syncs the templates from the (fake) Graph API and answers spring_sale's id. */
	String syncedWhatsAppTemplate() {
		this.till.post(this.marketer, "/api/v1/templates/whatsapp:sync", Map.of(), HttpStatus.OK);
		JsonNode templates = this.till.get(this.marketer, "/api/v1/templates?channel=WHATSAPP", HttpStatus.OK);
		for (JsonNode template : templates) {
			if ("spring_sale".equals(template.path("name").asText())) {
				return template.path("id").asText();
			}
		}
		throw new AssertionError("spring_sale was not synced: " + templates);
	}

	void sync() {
		this.till.post(this.marketer, "/api/v1/templates/whatsapp:sync", Map.of(), HttpStatus.OK);
	}

	String telegramTemplate() {
		return this.till
			.post(this.marketer, "/api/v1/templates/telegram",
					Map.of("name", "Spring sale " + UUID.randomUUID(), "texts",
							Map.of("en", "Spring sale, *{{first_name}}*! As a {{tier}} member you get 20% off.")),
					HttpStatus.CREATED)
			.path("id")
			.asText();
	}

	/** A draft to everyone on the policy's channels with the usual templates. */
	String draft(String policy) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("name", "Spring sale");
		body.put("segmentId", everyone());
		body.put("channelPolicy", policy);
		if (!"TELEGRAM_ONLY".equals(policy)) {
			body.put("whatsApp", Map.of("templateId", syncedWhatsAppTemplate(), "bindings",
					Map.of("body.1", Map.of("field", "first_name"), "body.2", Map.of("field", "tier"))));
		}
		if (!"WHATSAPP_ONLY".equals(policy)) {
			body.put("telegram", Map.of("templateId", telegramTemplate(), "bindings",
					Map.of("first_name", Map.of("field", "first_name"), "tier", Map.of("field", "tier"))));
		}
		return this.till.post(this.marketer, "/api/v1/broadcasts", body, HttpStatus.CREATED).path("id").asText();
	}

	JsonNode move(String broadcast, String action) {
		return this.till.post(this.marketer, "/api/v1/broadcasts/" + broadcast + "/" + action, Map.of(), HttpStatus.OK);
	}

	JsonNode moveRefused(String broadcast, String action) {
		return this.till.post(this.marketer, "/api/v1/broadcasts/" + broadcast + "/" + action, Map.of(),
				HttpStatus.CONFLICT);
	}

	JsonNode shown(String broadcast) {
		return this.till.get(this.marketer, "/api/v1/broadcasts/" + broadcast, HttpStatus.OK);
	}

	long inState(String broadcast, String state) {
		return shown(broadcast).path("progress").path("byState").path(state).asLong();
	}

	JsonNode awaitState(String broadcast, String state) {
		return await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> shown(broadcast), (shown) -> state.equals(shown.path("state").asText()));
	}

	/** Every recipient in the state, through the API's pages. */
	List<JsonNode> recipients(String broadcast, String state) {
		List<JsonNode> all = new java.util.ArrayList<>();
		long after = 0;
		while (true) {
			JsonNode page = this.till.get(this.marketer, "/api/v1/broadcasts/" + broadcast + "/recipients?limit=500"
					+ ((state == null) ? "" : "&state=" + state) + "&after=" + after, HttpStatus.OK);
			page.path("recipients").forEach(all::add);
			if (page.path("next").isNull()) {
				return all;
			}
			after = page.path("next").asLong();
		}
	}

	String csv(String broadcast, String state) {
		return this.http.get()
			.uri("/api/v1/broadcasts/" + broadcast + "/recipients?state=" + state + "&format=csv")
			.headers((headers) -> headers.setBearerAuth(this.marketer))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** Posts a signed webhook body to the WhatsApp edge. */
	void whatsAppWebhook(String body) {
		this.http.post()
			.uri("/webhooks/whatsapp")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Hub-Signature-256", Platforms.signature(body))
			.bodyValue(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isOk();
	}

	static void assertNoneFailed(JsonNode shown) {
		assertThat(shown.path("progress").path("byState").path("FAILED").asLong()).as("FAILED recipients").isZero();
	}

}
