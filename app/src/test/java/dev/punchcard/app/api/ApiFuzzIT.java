package dev.punchcard.app.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.punchcard.app.fuzz.ApiRequests;
import dev.punchcard.app.fuzz.FuzzRequest;
import dev.punchcard.app.fuzz.FuzzRequest.Caller;
import dev.punchcard.app.fuzz.TelegramBodies;
import dev.punchcard.app.fuzz.WebhookBodies;
import dev.punchcard.app.fuzz.WhatsAppBodies;
import dev.punchcard.app.fuzz.World;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property-based fuzzing of every API endpoint and the Telegram webhook: requests are
 * generated from valid ones and mutated (jqwik arbitraries, see {@code app.fuzz}), and
 * for each the service must never answer 5xx, must answer API errors as problem+json,
 * must write nothing for a request it rejects, and must be healthy afterwards. Chat
 * updates it accepts must all be handled without the bot's "something went wrong" reply.
 * <p>
 * The inputs are drawn from one seeded {@link Random}, so a run is replayed exactly with
 * {@code -Dpunchcard.fuzz.seed=<seed> -Dpunchcard.fuzz.tries=<tries>}; CI runs the fixed
 * default seed, {@code bench/fuzz/run.sh} a random one. The app is booted once, as for
 * every IT, which is why the jqwik engine's own runner (and its shrinking) is not used:
 * the arbitraries are sampled directly, and a failure reports the exact request instead.
 */
@TestMethodOrder(MethodOrderer.Random.class)
@TestPropertySource(properties = { "punchcard.telegram.token=123456:FUZZ-token", "punchcard.telegram.mode=webhook",
		"punchcard.telegram.webhook-secret=" + ApiFuzzIT.SECRET, "punchcard.telegram.bot-username=punchcard_bot",
		"punchcard.notifications.poll-every=200ms", "punchcard.broadcasts.sending.enabled=false",
		"punchcard.telegram.rate-limits.per-chat-per-second=1000", "punchcard.telegram.rate-limits.per-chat-burst=1000",
		"punchcard.telegram.rate-limits.global-per-second=10000", "punchcard.telegram.rate-limits.global-burst=10000",
		"punchcard.whatsapp.access-token=EAAG-fuzz-token",
		"punchcard.whatsapp.phone-number-id=" + ApiFuzzIT.WHATSAPP_NUMBER,
		"punchcard.whatsapp.app-secret=" + ApiFuzzIT.WHATSAPP_SECRET, "punchcard.whatsapp.verify-token=fuzz-verify",
		"punchcard.whatsapp.rate-limits.per-recipient-interval=1ms",
		"punchcard.whatsapp.rate-limits.per-recipient-burst=1000", "punchcard.whatsapp.rate-limits.per-second=10000",
		// the broadcast schedule would complete a started broadcast between a request and
		// its check
		"punchcard.broadcasts.scheduled=false" })
@DirtiesContext
class ApiFuzzIT extends ApiIT {

	static final String SECRET = "fuzz-secret_123";

	static final String WHATSAPP_SECRET = "fuzz-app-secret";

	static final String WHATSAPP_NUMBER = "106540352242922";

	static final long SEED = Long.getLong("punchcard.fuzz.seed", 20261201L);

	/** Inputs in total: four fifths to the API, one fifth to the webhooks. */
	static final int TRIES = Integer.getInteger("punchcard.fuzz.tries", 2000);

	private static final int MAX_FAILURES = 20;

	/**
	 * Refused by Netty's HTTP decoder before any of our code runs (a request line over 4
	 * KB, headers over 8 KB), with an empty body: 4xx is all that can be asked of them.
	 */
	private static final java.util.Set<Integer> ANSWERED_BY_THE_HTTP_SERVER = java.util.Set.of(414, 431);

	private static final WireMockServer TELEGRAM = new WireMockServer(options().dynamicPort());

	private static final WireMockServer GRAPH = new WireMockServer(options().dynamicPort());

	private static final String FINGERPRINT = fingerprintSql();

	@Autowired
	ObjectMapper json;

	private World world;

	private Map<Caller, String> authorizations;

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) {
		if (!TELEGRAM.isRunning()) {
			TELEGRAM.start();
		}
		registry.add("punchcard.telegram.api-url", () -> "http://localhost:" + TELEGRAM.port());
		if (!GRAPH.isRunning()) {
			GRAPH.start();
		}
		registry.add("punchcard.whatsapp.api-url", () -> "http://localhost:" + GRAPH.port());
	}

	@AfterAll
	static void stopTelegram() {
		TELEGRAM.stop();
		GRAPH.stop();
	}

	@BeforeEach
	void aWorldWithOneOfEverything() {
		TELEGRAM.resetAll();
		TELEGRAM.stubFor(post(urlPathMatching("/bot.*")).willReturn(okJson(
				"{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"}}}")));
		GRAPH.resetAll();
		GRAPH.stubFor(post(urlPathMatching("/v24.0/" + WHATSAPP_NUMBER + "/messages")).willReturn(
				okJson("{\"messaging_product\":\"whatsapp\",\"contacts\":[],\"messages\":[{\"id\":\"wamid.fuzz\"}]}")));
		GRAPH.stubFor(
				post(urlPathMatching("/v24.0/" + WHATSAPP_NUMBER + "/media")).willReturn(okJson("{\"id\":\"1\"}")));
		// the fuzzer's photos name media Meta does not know
		GRAPH.stubFor(get(urlPathMatching("/v24.0/media-.*")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Unsupported get request.\",\"type\":\"GraphMethodException\","
					+ "\"code\":100,\"error_subcode\":33,\"fbtrace_id\":\"A1\"}}")));
		String store = this.till.openStore();
		String otherStore = this.till.openStore();
		String cashier = this.till.staff("CASHIER", store);
		JsonNode customer = this.till.enrol(cashier, "Fuzz Shopper");
		String customerId = customer.get("customerId").asText();
		this.till.post(this.till.adminToken(), "/api/v1/customers/" + customerId + "/adjustments",
				Map.of("points", 100_000, "reason", "fuzz", "adjustmentKey", "fuzz-start"), HttpStatus.CREATED);
		String rewardId = this.till.reward("Coffee", 10, 10_000).get("id").asText();
		String purchaseId = this.till
			.purchase(cashier, customer.get("cardCode").asText(), store, "R-0", 50_00, HttpStatus.CREATED)
			.get("purchaseId")
			.asText();
		String voucher = this.till
			.post(cashier, "/api/v1/customers/" + customerId + "/redemptions", Map.of("rewardId", rewardId),
					HttpStatus.CREATED)
			.get("voucherCode")
			.asText();
		String staffId = this.till
			.post(this.till.adminToken(), "/api/v1/staff",
					Map.of("username", "fuzz-target", "password", "a-long-enough-password", "role", "MARKETER"),
					HttpStatus.CREATED)
			.get("id")
			.asText();
		String segmentId = this.till
			.post(this.till.adminToken(), "/api/v1/segments", Map.of("name", "Everyone", "filter", Map.of()),
					HttpStatus.CREATED)
			.get("id")
			.asText();
		String templateId = this.till
			.post(this.till.adminToken(), "/api/v1/templates/telegram",
					Map.of("name", "Fuzz week", "texts", Map.of("en", "Hi {{first_name}}!")), HttpStatus.CREATED)
			.get("id")
			.asText();
		String broadcastId = this.till
			.post(this.till.adminToken(), "/api/v1/broadcasts",
					Map.of("name", "Fuzz sale", "segmentId", segmentId, "channelPolicy", "TELEGRAM_ONLY", "telegram",
							Map.of("templateId", templateId, "bindings",
									Map.of("first_name", Map.of("field", "first_name")))),
					HttpStatus.CREATED)
			.get("id")
			.asText();
		this.world = new World(store, otherStore, customerId, customer.get("cardCode").asText(), rewardId, purchaseId,
				voucher, staffId, segmentId, templateId, broadcastId);
		login(store, otherStore);
	}

	@Test
	void should_answer_4xx_problems_and_write_nothing_when_api_requests_are_mutated() {
		int tries = TRIES * 4 / 5;
		Campaign campaign = new Campaign("api", tries);
		RandomGenerator<FuzzRequest> requests = generator(new ApiRequests(this.world).requests());
		String before = fingerprint();
		for (int i = 1; i <= tries && campaign.going(); i++) {
			FuzzRequest request = campaign.next(requests, i);
			Answer answer = send(request);
			if (answer == null) {
				continue;
			}
			String after = fingerprint();
			campaign.check(i, request, answer, answer.status() > 0 && answer.status() < 500,
					"a 5xx, or the connection closed without an answer");
			if (answer.status() >= 400) {
				campaign.check(i, request, answer, before.equals(after), "a rejected request wrote to the database");
				if (request.target().startsWith("/api/") && request.method() != HttpMethod.HEAD && !answer.closed()
						&& !ANSWERED_BY_THE_HTTP_SERVER.contains(answer.status())) {
					campaign.check(i, request, answer, isProblem(answer), "an API error that is not problem+json");
				}
			}
			before = after;
			if (i % 250 == 0) {
				campaign.check(i, request, answer, healthy(), "the service unhealthy after this request");
			}
			if (i % 2000 == 0) {
				// tokens live 15 minutes; a long campaign logs in again
				this.till = new Till(this.http);
				login(this.world.storeCode(), this.world.otherStoreCode());
				before = fingerprint();
			}
		}
		campaign.finish(this::healthy, () -> ledgerMismatches() == 0);
	}

	@Test
	void should_store_nothing_it_rejects_and_answer_every_update_when_webhook_bodies_are_mutated() {
		for (WebhookBodies webhook : webhooks()) {
			int tries = TRIES / 5 / webhooks().size();
			Campaign campaign = new Campaign(webhook.name(), tries);
			RandomGenerator<FuzzRequest> requests = generator(webhook.requests());
			long before = count(webhook.storedCountSql());
			for (int i = 1; i <= tries && campaign.going(); i++) {
				FuzzRequest request = campaign.next(requests, i);
				Answer answer = send(request);
				if (answer == null) {
					continue;
				}
				long after = count(webhook.storedCountSql());
				campaign.check(i, request, answer, webhook.statuses().contains(answer.status()),
						"a status outside " + webhook.statuses());
				if (answer.status() != 200) {
					campaign.check(i, request, answer, before == after, "a rejected update was stored");
				}
				before = after;
			}
			campaign.finish(this::healthy, () -> allHandled() && noErrorReplies());
			System.out.printf(
					"ApiFuzzIT %s campaign: %d members joined from chat, %d Bot API calls, %d Graph API calls%n",
					webhook.name(), count("SELECT count(*) FROM channel_identities"),
					TELEGRAM.findAll(postRequestedFor(urlPathMatching("/bot.*"))).size(),
					GRAPH.findAll(postRequestedFor(urlPathMatching("/v24.0/.*"))).size());
		}
	}

	/** Every chat webhook of the service. */
	private List<WebhookBodies> webhooks() {
		return List.of(new TelegramBodies(SECRET), new WhatsAppBodies(WHATSAPP_SECRET, WHATSAPP_NUMBER));
	}

	/**
	 * Every update it accepted is handled within two minutes (none waits for a retry).
	 */
	private boolean allHandled() {
		String pending = "SELECT count(*) FROM inbound_updates WHERE status <> 'DONE'";
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (count(pending) > 0 && System.nanoTime() < deadline) {
			await().pollDelay(Duration.ofMillis(250)).until(() -> true);
		}
		if (count(pending) > 0) {
			System.out.println("ApiFuzzIT updates not handled: " + this.db
				.sql("SELECT status || '/' || attempts || ': ' || left(payload, 300) AS row FROM inbound_updates"
						+ " WHERE status <> 'DONE' LIMIT 20")
				.map((row) -> row.get(0, String.class))
				.all()
				.collectList()
				.block());
			return false;
		}
		return true;
	}

	private boolean noErrorReplies() {
		return java.util.stream.Stream
			.concat(TELEGRAM.findAll(postRequestedFor(urlPathMatching("/bot.*"))).stream(),
					GRAPH.findAll(postRequestedFor(urlPathMatching("/v24.0/.*"))).stream())
			.map((request) -> request.getBodyAsString())
			.noneMatch((body) -> body.contains("something went wrong") || body.contains("что-то пошло не так")
					|| body.contains("\\u0447\\u0442\\u043e-\\u0442\\u043e"));
	}

	private static <T> RandomGenerator<T> generator(Arbitrary<T> arbitrary) {
		return arbitrary.generator(1000, true);
	}

	private @Nullable Answer send(FuzzRequest request) {
		URI uri;
		try {
			uri = URI.create("http://localhost:" + this.port + request.target());
		}
		catch (IllegalArgumentException notAUri) {
			return null;
		}
		WebTestClient.RequestBodySpec spec = this.http.mutate()
			.responseTimeout(Duration.ofSeconds(60))
			.build()
			.method(request.method())
			.uri(uri)
			.headers((headers) -> headers(request, headers));
		WebTestClient.RequestHeadersSpec<?> ready = (request.body() == null) ? spec : spec.bodyValue(request.body());
		EntityExchangeResult<byte[]> result;
		try {
			result = ready.exchange().expectBody().returnResult();
		}
		catch (WebClientRequestException closed) {
			// the server may close the connection while a body too large, or behind a
			// request line too long, is still being sent: the client then sees no answer
			boolean oversized = request.target().length() > 4000
					|| (request.body() != null && request.body().length > 256 * 1024);
			return new Answer(oversized ? 413 : 0, null, String.valueOf(closed.getMessage()), true);
		}
		catch (IllegalStateException timeout) {
			// the server runs in this JVM: what its threads were doing is the diagnosis
			printThreads();
			return new Answer(0, null, "no answer within 60 s: " + timeout.getMessage(), true);
		}
		MediaType type = result.getResponseHeaders().getContentType();
		byte[] body = result.getResponseBody();
		return new Answer(result.getStatus().value(), type,
				(body == null) ? "" : new String(body, StandardCharsets.UTF_8), false);
	}

	private static void printThreads() {
		StringBuilder dump = new StringBuilder("ApiFuzzIT threads when a request went unanswered:\n");
		for (java.lang.management.ThreadInfo thread : java.lang.management.ManagementFactory.getThreadMXBean()
			.dumpAllThreads(true, true)) {
			dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState()).append('\n');
			for (StackTraceElement frame : thread.getStackTrace()) {
				dump.append("    at ").append(frame).append('\n');
			}
		}
		System.out.println(dump);
	}

	private void headers(FuzzRequest request, HttpHeaders headers) {
		String authorization = this.authorizations.get(request.caller());
		if (authorization != null && request.secret() == null) {
			headers.set(HttpHeaders.AUTHORIZATION, authorization);
		}
		if (request.contentType() != null) {
			headers.set(HttpHeaders.CONTENT_TYPE, request.contentType());
		}
		if (request.secret() != null) {
			headers.set(request.secretHeader(), request.secret());
		}
	}

	private boolean isProblem(Answer answer) {
		if (answer.type() == null || !answer.type().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
			return false;
		}
		try {
			JsonNode problem = this.json.readTree(answer.body());
			String detail = problem.path("detail").asText();
			return problem.path("status").asInt() == answer.status() && !detail.isBlank()
					&& !detail.contains("Exception");
		}
		catch (java.io.IOException notJson) {
			return false;
		}
	}

	private boolean healthy() {
		return this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.path("status")
			.asText()
			.equals("UP");
	}

	private void login(String store, String otherStore) {
		String admin = this.till.adminToken();
		String[] parts = admin.split("\\.");
		this.authorizations = new java.util.EnumMap<>(Caller.class);
		this.authorizations.put(Caller.ADMIN, "Bearer " + admin);
		this.authorizations.put(Caller.CASHIER, "Bearer " + this.till.staff("CASHIER", store));
		this.authorizations.put(Caller.OTHER_CASHIER, "Bearer " + this.till.staff("CASHIER", otherStore));
		this.authorizations.put(Caller.MARKETER, "Bearer " + this.till.staff("MARKETER", null));
		this.authorizations.put(Caller.FORGED_TOKEN, "Bearer " + parts[0] + "." + parts[1] + ".AAAA" + parts[2]);
		this.authorizations.put(Caller.GARBAGE_HEADER, "Basic YWRtaW46YWRtaW4=");
	}

	private String fingerprint() {
		return this.db.sql(FINGERPRINT).map((row) -> row.get(0, String.class)).one().block();
	}

	private long count(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block();
	}

	/**
	 * The content of every table a request may write, and the row counts of the two that
	 * background workers update (the outbox poller, update processing).
	 */
	private static String fingerprintSql() {
		List<String> parts = new ArrayList<>();
		for (String table : List.of("stores", "staff", "customers", "channel_identities", "purchases", "purchase_items",
				"refunds", "points_ledger_entries", "points_balances", "tier_changes", "rewards", "vouchers",
				"staff_link_codes", "staff_chat_identities", "segments", "audit_log", "customer_scores",
				"whatsapp_templates", "telegram_templates", "broadcasts", "broadcast_recipients",
				"broadcast_button_replies")) {
			parts.add("(SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM " + table + " t)");
		}
		parts.add("(SELECT count(*) FROM notification_outbox)::text");
		parts.add("(SELECT count(*) FROM inbound_updates)::text");
		return "SELECT concat_ws('|', " + String.join(", ", parts) + ")";
	}

	/**
	 * What the service answered.
	 *
	 * @param status the status
	 * @param type its Content-Type
	 * @param body its body as text
	 * @param closed whether the server closed the connection before the client could read
	 * an answer (an oversized request is then counted as 413)
	 */
	record Answer(int status, @Nullable MediaType type, String body, boolean closed) {
	}

	/** One seeded run: the random source, and the failures found so far. */
	static final class Campaign {

		final Random random = new Random(SEED);

		private final String name;

		private final int tries;

		private final List<String> failures = new ArrayList<>();

		private final long started = System.nanoTime();

		private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();

		private String previous = "none";

		private String current = "none";

		Campaign(String name, int tries) {
			this.name = name;
			this.tries = tries;
			// arbitraries are sampled outside jqwik's engine, in a session of their own
			restartSession();
			System.out.printf("ApiFuzzIT %s campaign: seed=%d tries=%d (replay: -Dpunchcard.fuzz.seed=%d"
					+ " -Dpunchcard.fuzz.tries=%d)%n", name, SEED, tries, SEED, TRIES);
		}

		/**
		 * The next input. The session is renewed now and then: it memoizes a generator
		 * for every arbitrary a flatMap makes, which would grow without bound on a long
		 * run.
		 */
		<T> T next(RandomGenerator<T> generator, int i) {
			if (i % 500 == 0) {
				restartSession();
			}
			T next = generator.next(this.random).value();
			this.previous = this.current;
			this.current = (next instanceof FuzzRequest request) ? request.describe() : String.valueOf(next);
			return next;
		}

		private static void restartSession() {
			if (JqwikSession.isActive()) {
				JqwikSession.finish();
			}
			JqwikSession.start(Long.toString(SEED));
		}

		boolean going() {
			return this.failures.size() < MAX_FAILURES;
		}

		void check(int i, FuzzRequest request, Answer answer, boolean ok, String what) {
			if (what.startsWith("a 5xx") || what.startsWith("a status outside")) {
				this.statuses.merge(answer.status(), 1, Integer::sum);
			}
			if (!ok) {
				String body = answer.body().length() > 600 ? answer.body().substring(0, 600) + "..." : answer.body();
				this.failures.add(String.format("try %d: %s%n  %s%n  -> %d %s %s%n  (the try before: %s)", i, what,
						request.describe(), answer.status(), answer.type(), body, this.previous));
			}
		}

		void finish(java.util.function.BooleanSupplier healthy, java.util.function.BooleanSupplier consistent) {
			JqwikSession.finish();
			System.out.printf("ApiFuzzIT %s campaign: %d tries in %d s, %d failures, statuses %s%n", this.name,
					this.tries, Duration.ofNanos(System.nanoTime() - this.started).toSeconds(), this.failures.size(),
					this.statuses);
			assertThat(this.failures).as("%s campaign with seed %d", this.name, SEED).isEmpty();
			assertThat(healthy.getAsBoolean()).as("healthy after the %s campaign", this.name).isTrue();
			assertThat(consistent.getAsBoolean()).as("consistent after the %s campaign", this.name).isTrue();
		}

	}

}
