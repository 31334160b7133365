package dev.punchcard.app.api;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client mistakes get a 4xx problem+json with a clear detail, never a 500, and write
 * nothing.
 */
class BadInputIT extends ApiIT {

	private static final String CARD = "${card}";

	private static final String STORE = "${store}";

	private String store;

	private String cashier;

	private String card;

	@BeforeEach
	void givenAStoreACashierAndACustomer() {
		this.store = this.till.openStore();
		this.cashier = this.till.staff("CASHIER", this.store);
		this.card = this.till.enrol(this.cashier, "Input Tester").get("cardCode").asText();
	}

	static Stream<Arguments> purchases() {
		String ok = "\"cardCode\":\"" + CARD + "\",\"storeCode\":\"" + STORE + "\",\"receiptNo\":\"R-1\"";
		return Stream.of(Arguments.of("malformed JSON", "{\"cardCode\":", 400),
				Arguments.of("not an object", "[1,2,3]", 400), Arguments.of("empty body", "", 400),
				Arguments.of("missing amount", "{" + ok + ",\"currency\":\"EUR\"}", 400),
				Arguments.of("missing card",
						"{\"storeCode\":\"" + STORE
								+ "\",\"receiptNo\":\"R-1\",\"amountMinor\":100,\"currency\":\"EUR\"}",
						400),
				Arguments.of("zero amount", "{" + ok + ",\"amountMinor\":0,\"currency\":\"EUR\"}", 400),
				Arguments.of("negative amount", "{" + ok + ",\"amountMinor\":-5,\"currency\":\"EUR\"}", 400),
				Arguments.of("overflowing amount",
						"{" + ok + ",\"amountMinor\":92233720368547758070,\"currency\":\"EUR\"}", 400),
				Arguments.of("amount above the cap",
						"{" + ok + ",\"amountMinor\":9223372036854775807,\"currency\":\"EUR\"}", 400),
				Arguments.of("fractional amount", "{" + ok + ",\"amountMinor\":10.5,\"currency\":\"EUR\"}", 400),
				Arguments.of("amount as text", "{" + ok + ",\"amountMinor\":\"ten\",\"currency\":\"EUR\"}", 400),
				Arguments.of("lower-case currency", "{" + ok + ",\"amountMinor\":100,\"currency\":\"eur\"}", 400),
				Arguments.of("unknown currency", "{" + ok + ",\"amountMinor\":100,\"currency\":\"XXY\"}", 400),
				Arguments.of("wrong currency", "{" + ok + ",\"amountMinor\":100,\"currency\":\"USD\"}", 422),
				Arguments.of("unknown store", "{\"cardCode\":\"" + CARD
						+ "\",\"storeCode\":\"NOPE\",\"receiptNo\":\"R-1\",\"amountMinor\":100,\"currency\":\"EUR\"}",
						403),
				Arguments.of("receipt with spaces",
						"{\"cardCode\":\"" + CARD + "\",\"storeCode\":\"" + STORE
								+ "\",\"receiptNo\":\"R 1\",\"amountMinor\":100,\"currency\":\"EUR\"}",
						400),
				Arguments.of("negative quantity", "{" + ok
						+ ",\"amountMinor\":100,\"currency\":\"EUR\",\"items\":[{\"sku\":\"A\",\"quantity\":-1,\"unitPriceMinor\":1}]}",
						400),
				Arguments.of("oversized body", "{" + ok + ",\"amountMinor\":100,\"currency\":\"EUR\",\"items\":[],"
						+ "\"padding\":\"" + "x".repeat(300_000) + "\"}", 413));
	}

	@ParameterizedTest(name = "{0} -> {2}")
	@MethodSource("purchases")
	void should_answer_a_problem_and_record_nothing_when_a_purchase_request_is_bad(String what, String body,
			int status) {
		JsonNode problem = this.http.post()
			.uri("/api/v1/purchases")
			.headers((headers) -> headers.setBearerAuth(this.cashier))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body.replace(CARD, this.card).replace(STORE, this.store))
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(problem.has("status")).as("problem %s", problem).isTrue();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asText()).as("problem %s", problem).isNotBlank().doesNotContain("Exception");
		assertThat(this.db.sql("SELECT count(*) FROM purchases").map((row) -> row.get(0, Long.class)).one().block())
			.isZero();
	}

	static Stream<Arguments> others() {
		return Stream.of(Arguments.of("/api/v1/customers", "{\"name\":\"\"}", 400),
				Arguments.of("/api/v1/customers", "{\"name\":\"Bob\",\"phone\":\"12\"}", 422),
				Arguments.of("/api/v1/customers", "{\"name\":\"Bob\",\"homeStoreCode\":\"NOPE\"}", 422),
				Arguments.of("/api/v1/customers", "{\"name\":\"" + "x".repeat(101) + "\"}", 400),
				Arguments.of("/api/v1/customers", "{\"name\":\"Bob\",\"language\":\"english\"}", 400),
				Arguments.of("/api/v1/purchases/not-a-uuid/refunds", "{\"refundNo\":\"F\",\"amountMinor\":1}", 400),
				Arguments.of("/api/v1/purchases/" + java.util.UUID.randomUUID() + "/refunds",
						"{\"refundNo\":\"F\",\"amountMinor\":1}", 404),
				Arguments.of("/api/v1/purchases/" + java.util.UUID.randomUUID() + "/refunds",
						"{\"refundNo\":\"F\",\"amountMinor\":0}", 400),
				Arguments.of("/api/v1/vouchers/FORGED0000000000000000/honour", "{}", 404),
				// the customer in the path is looked up first: unknown, whatever the
				// reward
				Arguments.of("/api/v1/customers/" + java.util.UUID.randomUUID() + "/redemptions",
						"{\"rewardId\":\"" + java.util.UUID.randomUUID() + "\"}", 404),
				Arguments.of("/api/v1/customers/" + java.util.UUID.randomUUID() + "/redemptions",
						"{\"rewardId\":\"nope\"}", 400));
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@MethodSource("others")
	void should_answer_a_problem_and_write_nothing_when_another_request_is_bad(String path, String body, int status) {
		this.http.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(this.cashier))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

		assertThat(this.db.sql("SELECT count(*) FROM customers").map((row) -> row.get(0, Long.class)).one().block())
			.isEqualTo(1);
		assertThat(this.db.sql("SELECT count(*) FROM vouchers").map((row) -> row.get(0, Long.class)).one().block())
			.isZero();
	}

	@org.junit.jupiter.api.Test
	void should_answer_400_and_store_no_reward_when_its_name_holds_a_nul_character() {
		JsonNode problem = problem(this.http.post()
			.uri("/api/v1/rewards")
			.headers((headers) -> headers.setBearerAuth(this.till.adminToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"Free\\u0000coffee\",\"costPoints\":100}"), 400);

		assertThat(problem.path("detail").asText()).isEqualTo("name: must not contain control characters");
		assertThat(count("rewards")).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@org.junit.jupiter.params.provider.ValueSource(strings = {
			"{\"name\":\"Tea\",\"description\":\"a\\u0000b\",\"costPoints\":1}",
			"{\"name\":\"Tea\",\"description\":\"bell\\u0007\",\"costPoints\":1}",
			"{\"name\":\"Tea\\nTime\",\"costPoints\":1}", "{\"name\":\"Tea\\u0085\",\"costPoints\":1}",
			"{\"name\":\"Tea\\ud800\",\"costPoints\":1}", "{\"name\":\"Tea\",\"costPoints\":1,\"stock\":2147483647}" })
	void should_answer_400_and_store_no_reward_when_a_field_is_out_of_its_rules(String body) {
		problem(this.http.post()
			.uri("/api/v1/rewards")
			.headers((headers) -> headers.setBearerAuth(this.till.adminToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body), 400);

		assertThat(count("rewards")).isZero();
	}

	@org.junit.jupiter.api.Test
	void should_keep_line_breaks_when_a_reward_description_has_several_lines() {
		JsonNode reward = this.till.post(this.till.adminToken(), "/api/v1/rewards",
				java.util.Map.of("name", "Cake", "description", "Line one\n\tLine two", "costPoints", 5),
				HttpStatus.CREATED);

		assertThat(reward.get("description").asText()).isEqualTo("Line one\n\tLine two");
	}

	@ParameterizedTest(name = "GET {0}")
	@org.junit.jupiter.params.provider.ValueSource(
			strings = { "/api/v1/customers/%20", "/api/v1/customers/%20/ledger", "/api/v1/customers/%20%20/card.png",
					"/api/v1/customers/1-2-3-4-5", "/api/v1/customers/%E2%80%8B", "/api/v1/rewards/%20" })
	void should_answer_400_problem_when_an_id_in_the_path_is_blank_or_malformed(String path) {
		JsonNode problem = problem(this.http.get()
			.uri(java.net.URI.create("http://localhost:" + this.port + path))
			.headers((headers) -> headers.setBearerAuth(this.till.adminToken())), 400);

		assertThat(problem.path("detail").asText())
			.isEqualTo("id must be a UUID like 123e4567-e89b-12d3-a456-426614174000.");
	}

	@ParameterizedTest(name = "GET {0}")
	@org.junit.jupiter.params.provider.ValueSource(
			strings = { "/api/v1/customers/%00", "/api/v1/cards/A%00B", "/api/v1/customers/a%2Fb", "/api/v1/%25" })
	void should_answer_400_problem_when_the_firewall_rejects_the_path(String path) {
		problem(this.http.get()
			.uri(java.net.URI.create("http://localhost:" + this.port + path))
			.headers((headers) -> headers.setBearerAuth(this.till.adminToken())), 400);
	}

	@org.junit.jupiter.api.Test
	void should_answer_400_and_create_no_staff_when_the_store_code_holds_a_nul_character() {
		problem(this.http.post()
			.uri("/api/v1/staff")
			.headers((headers) -> headers.setBearerAuth(this.till.adminToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"username\":\"nul-store\",\"password\":\"long-enough-password\",\"role\":\"CASHIER\","
					+ "\"storeCode\":\"S\\u0000\"}"),
				400);

		assertThat(count("staff WHERE username = 'nul-store'")).isZero();
	}

	@org.junit.jupiter.api.Test
	void should_answer_400_not_500_when_a_login_holds_a_nul_character() {
		problem(this.http.post()
			.uri("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"username\":\"ad\\u0000min\",\"password\":\"whatever-it-is\"}"), 400);
	}

	private static JsonNode problem(
			org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> request, int status) {
		JsonNode problem = request.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(problem.path("detail").asText()).as("problem %s", problem).isNotBlank().doesNotContain("Exception");
		return problem;
	}

	private long count(String table) {
		return this.db.sql("SELECT count(*) FROM " + table).map((row) -> row.get(0, Long.class)).one().block();
	}

	@org.junit.jupiter.api.Test
	void should_answer_415_problem_when_the_content_type_is_not_json() {
		this.http.post()
			.uri("/api/v1/purchases")
			.headers((headers) -> headers.setBearerAuth(this.cashier))
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("hello")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
