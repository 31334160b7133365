package dev.punchcard.app.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import dev.punchcard.app.api.ApiIT;
import dev.punchcard.app.api.Till;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application with Redis pointed at a port where nothing listens: staff still
 * log in (throttled in memory) and record purchases, the overall health says DEGRADED
 * with HTTP 200, readiness and liveness stay UP.
 */
@TestMethodOrder(MethodOrderer.Random.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "punchcard.embedded.enabled=false", "punchcard.points.expiry.scheduled=false",
				"punchcard.jwt.secret=test-jwt-secret-0123456789-abcdefghijklmnopqrstuv",
				"punchcard.codes.active-key=A", "punchcard.codes.keys.A=test-code-secret-0123456789-abcdefghijklmnop",
				"punchcard.admin.username=" + ApiIT.ADMIN, "punchcard.admin.password=" + ApiIT.ADMIN_PASSWORD,
				"punchcard.login-throttle.per-username=5", "punchcard.login-throttle.per-address=100000" })
class RedisOutageIT {

	@Autowired
	private WebTestClient http;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) throws IOException {
		int deadPort = deadPort();
		TestDatabase database = TestDatabases.forModule("app_redis_outage");
		registry.add("spring.r2dbc.url", database::r2dbcUrl);
		registry.add("spring.r2dbc.username", database::user);
		registry.add("spring.flyway.url", database::jdbcUrl);
		registry.add("spring.flyway.user", database::user);
		registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + deadPort + "/0");
	}

	@Test
	void should_log_in_without_waiting_for_redis_when_it_is_unreachable() {
		long started = System.nanoTime();

		String token = new Till(this.http).login(ApiIT.ADMIN, ApiIT.ADMIN_PASSWORD);

		assertThat(token).isNotBlank();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void should_throttle_logins_in_memory_when_redis_is_unreachable() {
		for (int i = 0; i < 5; i++) {
			login("guessed-" + i).expectStatus().isUnauthorized();
		}

		login("guessed-6").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectHeader().exists("Retry-After");
	}

	@Test
	void should_show_the_console_a_readable_page_when_its_session_store_is_unreachable() {
		String page = this.http.get()
			.uri("/login")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(page).contains("cannot reach its session store").doesNotContain("Exception");
	}

	@Test
	void should_record_a_purchase_when_redis_is_unreachable() {
		Till till = new Till(this.http);
		String store = till.openStore();
		String cashier = till.staff("CASHIER", store);
		String card = till.enrol(cashier, "Ada").get("cardCode").asText();

		till.purchase(cashier, card, store, "R-redis-down-1", 1250, HttpStatus.CREATED);
	}

	@Test
	void should_report_degraded_with_200_and_stay_ready_when_redis_is_unreachable() {
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DEGRADED")
			.jsonPath("$.description")
			.doesNotExist()
			.jsonPath("$.components")
			.doesNotExist();
		expectUp("/actuator/health/readiness");
		expectUp("/actuator/health/liveness");
	}

	private void expectUp(String uri) {
		this.http.get().uri(uri).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
	}

	private WebTestClient.ResponseSpec login(String password) {
		return this.http.post()
			.uri("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "someone", "password", password + "-long-enough"))
			.exchange();
	}

	private static int deadPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
