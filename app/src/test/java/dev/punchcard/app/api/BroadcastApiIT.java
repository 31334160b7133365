package dev.punchcard.app.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broadcasts through the API: roles, problems for every client mistake, the moves and
 * their refusals, the recipients as a JSON page and as CSV, and a template sync (WireMock
 * as the Graph API) that finds the template paused and so pauses the running broadcast.
 */
@TestMethodOrder(MethodOrderer.Random.class)
@TestPropertySource(properties = { "punchcard.broadcasts.scheduled=true",
		"punchcard.whatsapp.access-token=broadcast-token", "punchcard.whatsapp.phone-number-id=106540352242922",
		"punchcard.whatsapp.app-secret=broadcast-app-secret", "punchcard.whatsapp.verify-token=broadcast-verify-token",
		"punchcard.whatsapp.display-phone-number=15550001234",
		"punchcard.whatsapp.business-account-id=" + BroadcastApiIT.WABA,
		"punchcard.whatsapp.template-sync.scheduled=false", "punchcard.broadcasts.check-every=200ms" })
// its WhatsApp intake and the broadcast schedule must not outlive the class
@DirtiesContext
class BroadcastApiIT extends ApiIT {

	static final String WABA = "102290129340399";

	static final String LISTING = "/v24.0/" + WABA + "/message_templates";

	static final WireMockServer GRAPH = new WireMockServer(options().dynamicPort());

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
	void aMarketerAndMembers() {
		GRAPH.resetAll();
		listSpringSale("APPROVED");
		this.marketer = this.till.staff("MARKETER", null);
		this.db.sql("""
				INSERT INTO customers (id, name, referral_code, card_number)
				SELECT gen_random_uuid(), 'member-' || i, 'R-' || i, 70000 + i FROM generate_series(1, 12) i
				""").then().block();
		this.db.sql("""
				INSERT INTO channel_identities (id, customer_id, channel, external_id, chat_id)
				SELECT gen_random_uuid(), c.id, ch.channel, ch.channel || c.name, ch.channel || c.name
				FROM customers c CROSS JOIN (VALUES ('TELEGRAM'), ('WHATSAPP')) ch (channel)
				""").then().block();
	}

	@Test
	void should_let_marketers_and_admins_manage_broadcasts_and_forbid_cashiers() {
		String cashier = this.till.staff("CASHIER", this.till.openStore());
		String id = telegramDraft().path("id").asText();

		this.till.get(cashier, "/api/v1/broadcasts", HttpStatus.FORBIDDEN);
		this.till.get(cashier, "/api/v1/broadcasts/" + id, HttpStatus.FORBIDDEN);
		this.till.post(cashier, "/api/v1/broadcasts/" + id + "/start", Map.of(), HttpStatus.FORBIDDEN);
		this.till.post(cashier, "/api/v1/broadcasts", Map.of(), HttpStatus.FORBIDDEN);
		this.till.get(cashier, "/api/v1/broadcasts/" + id + "/recipients", HttpStatus.FORBIDDEN);
		assertThat(this.till.get(this.till.adminToken(), "/api/v1/broadcasts", HttpStatus.OK).findValuesAsText("id"))
			.containsExactly(id);
		assertThat(
				this.till.post(this.till.adminToken(), "/api/v1/broadcasts/" + id + "/cancel", Map.of(), HttpStatus.OK)
					.path("state")
					.asText())
			.isEqualTo("CANCELLED");
	}

	@Test
	void should_start_pause_resume_and_cancel_and_refuse_a_move_with_the_current_state() {
		String id = telegramDraft().path("id").asText();
		String base = "/api/v1/broadcasts/" + id;

		JsonNode refused = this.till.post(this.marketer, base + "/pause", Map.of(), HttpStatus.CONFLICT);
		assertThat(refused.path("state").asText()).isEqualTo("DRAFT");
		assertThat(refused.path("detail").asText()).contains("DRAFT").contains("RUNNING");
		JsonNode started = this.till.post(this.marketer, base + "/start", Map.of(), HttpStatus.OK);
		assertThat(started.path("state").asText()).isEqualTo("RUNNING");
		assertThat(started.path("progress").path("total").asInt()).isEqualTo(12);
		assertThat(started.path("progress").path("byChannel").path("TELEGRAM").path("QUEUED").asInt()).isEqualTo(12);
		assertThat(this.till.post(this.marketer, base + "/start", Map.of(), HttpStatus.CONFLICT).path("state").asText())
			.isEqualTo("RUNNING");
		assertThat(this.till.post(this.marketer, base + "/pause", Map.of(), HttpStatus.OK).path("state").asText())
			.isEqualTo("PAUSED");
		assertThat(this.till.post(this.marketer, base + "/resume", Map.of(), HttpStatus.OK).path("state").asText())
			.isEqualTo("RUNNING");
		JsonNode cancelled = this.till.post(this.marketer, base + "/cancel", Map.of(), HttpStatus.OK);
		assertThat(cancelled.path("state").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.path("progress").path("remaining").asInt()).isLessThan(12);
		assertThat(count("SELECT count(*) FROM audit_log WHERE entity_type = 'broadcast' AND entity_id = '" + id + "'"))
			.isEqualTo(5);
	}

	@Test
	void should_answer_problems_naming_the_field_when_the_client_errs() {
		String telegram = telegramTemplate();
		JsonNode invalid = this.till.post(this.marketer, "/api/v1/broadcasts",
				Map.of("name", "Sale", "segmentId", UUID.randomUUID().toString(), "channelPolicy", "CARRIER_PIGEON",
						"telegram",
						Map.of("templateId", telegram, "bindings", Map.of("first_name", Map.of("field", "shoe_size"))),
						"timeZone", "Mars/Olympus", "quietHours", Map.of("from", "25:00", "until", "08:00")),
				HttpStatus.BAD_REQUEST);
		assertThat(invalid.path("errors").findValuesAsText("field")).containsExactly("channelPolicy", "quietHours.from",
				"telegram.bindings.first_name.field");
		JsonNode semantic = this.till.post(this.marketer, "/api/v1/broadcasts",
				Map.of("name", "Sale", "segmentId", UUID.randomUUID().toString(), "channelPolicy", "TELEGRAM_ONLY",
						"telegram", Map.of("templateId", telegram), "timeZone", "Mars/Olympus", "scheduledAt",
						"2020-01-01T00:00"),
				HttpStatus.BAD_REQUEST);
		assertThat(semantic.path("errors").findValuesAsText("field")).containsExactly("scheduledAt", "segmentId",
				"telegram.bindings.first_name", "timeZone");
		String id = telegramDraft().path("id").asText();
		String recipients = "/api/v1/broadcasts/" + id + "/recipients";
		problem(recipients + "?state=LOST", "state");
		problem(recipients + "?channel=pigeon", "channel");
		problem(recipients + "?limit=0", "limit");
		problem(recipients + "?limit=99999999999999999999999", "limit");
		problem(recipients + "?after=-1", "after");
		problem(recipients + "?format=xml", "format");
		this.till.get(this.marketer, "/api/v1/broadcasts/not-a-uuid", HttpStatus.BAD_REQUEST);
		this.till.get(this.marketer, "/api/v1/broadcasts/" + UUID.randomUUID(), HttpStatus.NOT_FOUND);
		this.till.post(this.marketer, "/api/v1/broadcasts/" + UUID.randomUUID() + "/start", Map.of(),
				HttpStatus.NOT_FOUND);
		this.till.get(this.marketer, "/api/v1/broadcasts?size=1000", HttpStatus.BAD_REQUEST);
		this.till.get(this.marketer, "/api/v1/broadcasts?page=abc", HttpStatus.BAD_REQUEST);
		this.http.get()
			.uri("/api/v1/broadcasts/" + UUID.randomUUID() + "/recipients?format=csv")
			.headers((headers) -> headers.setBearerAuth(this.marketer))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(count("SELECT count(*) FROM broadcasts")).isEqualTo(1);
	}

	@Test
	void should_download_the_failed_recipients_as_csv_and_page_them_as_json() {
		String id = telegramDraft().path("id").asText();
		this.till.post(this.marketer, "/api/v1/broadcasts/" + id + "/start", Map.of(), HttpStatus.OK);
		this.till.post(this.marketer, "/api/v1/broadcasts/" + id + "/pause", Map.of(), HttpStatus.OK);
		this.db.sql("""
				UPDATE broadcast_recipients
				SET state = 'FAILED', error_code = '400', error_reason = 'Bad Request: chat "x", not found',
				    failed_at = now(), lease_until = NULL
				WHERE id % 3 = 0
				""").then().block();

		for (String how : List.of("accept", "parameter")) {
			var request = this.http.get()
				.uri("/api/v1/broadcasts/" + id + "/recipients?state=failed"
						+ (how.equals("parameter") ? "&format=csv" : ""))
				.headers((headers) -> headers.setBearerAuth(this.marketer));
			if (how.equals("accept")) {
				request = request.accept(MediaType.parseMediaType("text/csv"));
			}
			var result = request.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
				.expectHeader()
				.value(HttpHeaders.CONTENT_DISPOSITION,
						(value) -> assertThat(value).contains("attachment").contains("broadcast-" + id))
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			String[] lines = result.split("\r\n");
			assertThat(lines[0]).startsWith("id,customer_id,channel,state,skip_reason,message_id,error_code");
			assertThat(lines).hasSize(1 + 4);
			assertThat(lines[1]).contains(",TELEGRAM,FAILED,,,400,\"Bad Request: chat \"\"x\"\", not found\",0,");
		}
		JsonNode page = this.till.get(this.marketer, "/api/v1/broadcasts/" + id + "/recipients?state=FAILED&limit=3",
				HttpStatus.OK);
		assertThat(page.path("recipients")).hasSize(3);
		JsonNode rest = this.till.get(this.marketer,
				"/api/v1/broadcasts/" + id + "/recipients?state=FAILED&limit=3&after=" + page.path("next").asLong(),
				HttpStatus.OK);
		assertThat(rest.path("recipients")).hasSize(1);
		assertThat(rest.path("next").isNull()).isTrue();
	}

	@Test
	void should_pause_a_running_broadcast_when_a_sync_finds_its_template_paused() throws InterruptedException {
		this.till.post(this.marketer, "/api/v1/templates/whatsapp:sync", Map.of(), HttpStatus.OK);
		String template = this.till.get(this.marketer, "/api/v1/templates?channel=whatsapp", HttpStatus.OK)
			.get(0)
			.path("id")
			.asText();
		JsonNode draft = this.till.post(this.marketer, "/api/v1/broadcasts",
				Map.of("name", "Spring sale", "segmentId", segment(), "channelPolicy", "WHATSAPP_ONLY", "whatsApp",
						Map.of("templateId", template, "bindings", Map.of("body.1", Map.of("field", "first_name")))),
				HttpStatus.CREATED);
		String id = draft.path("id").asText();
		this.till.post(this.marketer, "/api/v1/broadcasts/" + id + "/start", Map.of(), HttpStatus.OK);

		listSpringSale("PAUSED");
		this.till.post(this.marketer, "/api/v1/templates/whatsapp:sync", Map.of(), HttpStatus.OK);

		JsonNode shown = this.till.get(this.marketer, "/api/v1/broadcasts/" + id, HttpStatus.OK);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!"PAUSED".equals(shown.path("state").asText()) && System.nanoTime() < deadline) {
			Thread.sleep(100);
			shown = this.till.get(this.marketer, "/api/v1/broadcasts/" + id, HttpStatus.OK);
		}
		assertThat(shown.path("state").asText()).isEqualTo("PAUSED");
		assertThat(shown.path("pauseReason").asText()).contains("paused the template spring_sale");
		assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'broadcast.paused' AND actor_id IS NULL"))
			.isEqualTo(1);
		// resuming while the template is still paused at WhatsApp is refused with the
		// reason
		JsonNode refused = this.till.post(this.marketer, "/api/v1/broadcasts/" + id + "/resume", Map.of(),
				HttpStatus.CONFLICT);
		assertThat(refused.path("detail").asText()).contains("cannot resume")
			.contains("WhatsApp paused the template spring_sale");
		assertThat(this.till.get(this.marketer, "/api/v1/broadcasts/" + id, HttpStatus.OK).path("state").asText())
			.isEqualTo("PAUSED");
		// approved again at WhatsApp: a sync, and it resumes
		listSpringSale("APPROVED");
		this.till.post(this.marketer, "/api/v1/templates/whatsapp:sync", Map.of(), HttpStatus.OK);
		assertThat(this.till.post(this.marketer, "/api/v1/broadcasts/" + id + "/resume", Map.of(), HttpStatus.OK)
			.path("state")
			.asText()).isEqualTo("RUNNING");
	}

	private static void listSpringSale(String status) {
		GRAPH.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson("""
				{"data": [{"name": "spring_sale", "language": "en", "status": "%s", "category": "MARKETING",
				           "id": "4001", "parameter_format": "POSITIONAL",
				           "components": [{"type": "BODY", "text": "Spring sale, {{1}}!"}]}],
				 "paging": {"cursors": {"before": "A", "after": "B"}}}""".formatted(status))));
	}

	private JsonNode telegramDraft() {
		return this.till.post(this.marketer, "/api/v1/broadcasts",
				Map.of("name", "Spring sale", "segmentId", segment(), "channelPolicy", "TELEGRAM_ONLY", "telegram",
						Map.of("templateId", telegramTemplate(), "bindings",
								Map.of("first_name", Map.of("field", "first_name")))),
				HttpStatus.CREATED);
	}

	private String segment() {
		return this.till
			.post(this.marketer, "/api/v1/segments",
					Map.of("name", "everyone-" + UUID.randomUUID(), "filter", Map.of()), HttpStatus.CREATED)
			.path("id")
			.asText();
	}

	private String telegramTemplate() {
		return this.till
			.post(this.marketer, "/api/v1/templates/telegram",
					Map.of("name", "Spring " + UUID.randomUUID(), "texts",
							Map.of("en", "Spring sale, {{first_name}}!")),
					HttpStatus.CREATED)
			.path("id")
			.asText();
	}

	private void problem(String uri, String field) {
		JsonNode problem = this.till.get(this.marketer, uri, HttpStatus.BAD_REQUEST);
		assertThat(problem.path("errors").findValuesAsText("field")).containsExactly(field);
	}

	private long count(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block();
	}

}
