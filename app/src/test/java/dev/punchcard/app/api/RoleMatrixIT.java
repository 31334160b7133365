package dev.punchcard.app.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Every role against the endpoints it must not reach, and no token at all. */
class RoleMatrixIT extends ApiIT {

	static Stream<Arguments> forbidden() {
		String anyId = UUID.randomUUID().toString();
		return Stream.of(Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/staff"),
				Arguments.of("CASHIER", HttpMethod.GET, "/api/v1/staff"),
				Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/stores"),
				Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/rewards"),
				Arguments.of("CASHIER", HttpMethod.GET, "/api/v1/ledger/check"),
				Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/customers/" + anyId + "/adjustments"),
				Arguments.of("CASHIER", HttpMethod.GET, "/actuator/prometheus"),
				Arguments.of("CASHIER", HttpMethod.GET, "/api/v1/customers/" + anyId + "/notifications"),
				Arguments.of("CASHIER", HttpMethod.GET, "/api/v1/templates"),
				Arguments.of("CASHIER", HttpMethod.GET, "/api/v1/templates/" + anyId),
				Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/templates/whatsapp:sync"),
				Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/templates/" + anyId + "/preview"),
				Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/templates/telegram"),
				Arguments.of("CASHIER", HttpMethod.PUT, "/api/v1/templates/telegram/" + anyId),
				Arguments.of("CASHIER", HttpMethod.DELETE, "/api/v1/templates/telegram/" + anyId),
				Arguments.of("MARKETER", HttpMethod.POST, "/api/v1/purchases"),
				Arguments.of("MARKETER", HttpMethod.POST, "/api/v1/purchases:batch"),
				Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/imports/members"),
				Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/imports/purchases"),
				Arguments.of("MARKETER", HttpMethod.POST, "/api/v1/imports/purchases"),
				Arguments.of("CASHIER", HttpMethod.GET, "/api/v1/imports"),
				Arguments.of("MARKETER", HttpMethod.GET, "/api/v1/imports/" + anyId),
				Arguments.of("CASHIER", HttpMethod.GET, "/api/v1/imports/" + anyId + "/rejections"),
				Arguments.of("MARKETER", HttpMethod.POST, "/api/v1/purchases/" + anyId + "/refunds"),
				Arguments.of("MARKETER", HttpMethod.POST, "/api/v1/customers"),
				Arguments.of("MARKETER", HttpMethod.GET, "/api/v1/cards/ABC"),
				Arguments.of("MARKETER", HttpMethod.POST, "/api/v1/vouchers/ABC/honour"),
				Arguments.of("MARKETER", HttpMethod.POST, "/api/v1/staff"),
				Arguments.of("MARKETER", HttpMethod.DELETE, "/api/v1/customers/" + anyId),
				Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/segments/preview"),
				Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/segments"),
				Arguments.of("CASHIER", HttpMethod.GET, "/api/v1/segments"),
				Arguments.of("CASHIER", HttpMethod.GET, "/api/v1/segments/" + anyId),
				Arguments.of("CASHIER", HttpMethod.PUT, "/api/v1/segments/" + anyId),
				Arguments.of("CASHIER", HttpMethod.DELETE, "/api/v1/segments/" + anyId),
				Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/segments/scores:recompute"),
				Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/broadcasts"),
				Arguments.of("CASHIER", HttpMethod.GET, "/api/v1/broadcasts"),
				Arguments.of("CASHIER", HttpMethod.GET, "/api/v1/broadcasts/" + anyId),
				Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/broadcasts/" + anyId + "/start"),
				Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/broadcasts/" + anyId + "/pause"),
				Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/broadcasts/" + anyId + "/resume"),
				Arguments.of("CASHIER", HttpMethod.POST, "/api/v1/broadcasts/" + anyId + "/cancel"),
				Arguments.of("CASHIER", HttpMethod.GET, "/api/v1/broadcasts/" + anyId + "/recipients"));
	}

	@ParameterizedTest(name = "{0} {1} {2} -> 403")
	@MethodSource("forbidden")
	void should_answer_403_problem_when_the_role_may_not_use_the_endpoint(String role, HttpMethod method, String path) {
		String store = this.till.openStore();
		String token = this.till.staff(role, "CASHIER".equals(role) ? store : null);

		this.http.method(method)
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@ParameterizedTest(name = "no token {0} {1} -> 401")
	@MethodSource("anonymous")
	void should_answer_401_problem_when_no_token_is_sent(HttpMethod method, String path) {
		this.http.method(method)
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	static Stream<Arguments> anonymous() {
		return Stream.of(Arguments.of(HttpMethod.POST, "/api/v1/purchases"),
				Arguments.of(HttpMethod.GET, "/api/v1/customers/" + UUID.randomUUID()),
				Arguments.of(HttpMethod.POST, "/api/v1/staff"), Arguments.of(HttpMethod.GET, "/api/v1/ledger/check"),
				Arguments.of(HttpMethod.GET, "/api/v1/customers/" + UUID.randomUUID() + "/notifications"),
				Arguments.of(HttpMethod.GET, "/actuator/prometheus"), Arguments.of(HttpMethod.GET, "/api/v1/segments"),
				Arguments.of(HttpMethod.POST, "/api/v1/segments/preview"),
				Arguments.of(HttpMethod.POST, "/api/v1/segments/scores:recompute"),
				Arguments.of(HttpMethod.GET, "/api/v1/templates"),
				Arguments.of(HttpMethod.POST, "/api/v1/templates/whatsapp:sync"),
				Arguments.of(HttpMethod.POST, "/api/v1/templates/telegram"),
				Arguments.of(HttpMethod.GET, "/api/v1/broadcasts"), Arguments.of(HttpMethod.POST, "/api/v1/broadcasts"),
				Arguments.of(HttpMethod.GET, "/api/v1/leaderboard"),
				Arguments.of(HttpMethod.GET, "/api/v1/customers/" + UUID.randomUUID() + "/leaderboard"),
				Arguments.of(HttpMethod.POST, "/api/v1/purchases:batch"),
				Arguments.of(HttpMethod.GET, "/api/v1/analytics/sales"),
				Arguments.of(HttpMethod.GET, "/api/v1/analytics/members?format=csv"),
				Arguments.of(HttpMethod.POST, "/api/v1/imports/members"),
				Arguments.of(HttpMethod.GET, "/api/v1/imports"),
				Arguments.of(HttpMethod.GET, "/api/v1/imports/" + UUID.randomUUID() + "/rejections"));
	}

	@org.junit.jupiter.api.Test
	void should_answer_401_when_the_token_is_forged_or_expired() {
		String token = this.till.adminToken();
		String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA"
				+ token.substring(token.lastIndexOf('.') + 5);

		this.till.get(forged, "/api/v1/stores", HttpStatus.UNAUTHORIZED);
		this.till.get("not-a-jwt", "/api/v1/stores", HttpStatus.UNAUTHORIZED);
	}

	@org.junit.jupiter.api.Test
	void should_let_each_role_reach_its_own_endpoints() {
		String store = this.till.openStore();
		String cashier = this.till.staff("CASHIER", store);
		String marketer = this.till.staff("MARKETER", null);
		String customer = this.till.enrol(cashier, "Role Tester").get("customerId").asText();

		this.till.get(marketer, "/api/v1/customers/" + customer, HttpStatus.OK);
		this.till.get(cashier, "/api/v1/customers/" + customer + "/ledger", HttpStatus.OK);
		this.till.get(this.till.adminToken(), "/api/v1/ledger/check", HttpStatus.OK);
		this.till.get(marketer, "/api/v1/rewards", HttpStatus.OK);
		this.till.get(marketer, "/api/v1/customers/" + customer + "/notifications", HttpStatus.OK);
		this.till.get(marketer, "/api/v1/segments", HttpStatus.OK);
		this.till.get(cashier, "/api/v1/leaderboard", HttpStatus.OK);
		this.till.get(marketer, "/api/v1/leaderboard?week=2026-11-29", HttpStatus.OK);
		this.till.get(this.till.adminToken(), "/api/v1/leaderboard", HttpStatus.OK);
		this.till.get(cashier, "/api/v1/customers/" + customer + "/leaderboard", HttpStatus.OK);
		this.till.get(marketer, "/api/v1/customers/" + customer + "/leaderboard", HttpStatus.OK);
		for (String report : List.of("members", "sales", "products", "points", "rewards", "tiers", "referrals",
				"broadcasts")) {
			this.till.get(marketer, "/api/v1/analytics/" + report, HttpStatus.OK);
			this.till.get(this.till.adminToken(), "/api/v1/analytics/" + report + "?store=" + store, HttpStatus.OK);
			this.till.get(cashier, "/api/v1/analytics/" + report, HttpStatus.OK);
			this.till.get(cashier, "/api/v1/analytics/" + report + "?store=" + store, HttpStatus.OK);
		}
		this.till.get(cashier, "/api/v1/analytics/sales?store=" + this.till.openStore(), HttpStatus.FORBIDDEN);
		this.till.post(marketer, "/api/v1/segments/preview", Map.of("filter", Map.of()), HttpStatus.OK);
		this.till.get(this.till.adminToken(), "/api/v1/segments", HttpStatus.OK);
		this.till.post(this.till.adminToken(), "/api/v1/segments/preview", Map.of(), HttpStatus.OK);
		this.till.get(marketer, "/api/v1/templates", HttpStatus.OK);
		this.till.get(this.till.adminToken(), "/api/v1/templates?channel=TELEGRAM", HttpStatus.OK);
		String template = this.till
			.post(this.till.adminToken(), "/api/v1/templates/telegram",
					java.util.Map.of("name", "Role check", "texts", java.util.Map.of("en", "Hi {{first_name}}")),
					HttpStatus.CREATED)
			.path("id")
			.asText();
		this.till.post(
				marketer, "/api/v1/templates/" + template + "/preview", java.util.Map.of("customerId", customer,
						"bindings", java.util.Map.of("first_name", java.util.Map.of("field", "first_name"))),
				HttpStatus.OK);
		assertThat(this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("/api/v1/purchases").contains("/api/v1/auth/token");
		this.http.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBearerAuth(this.till.adminToken()))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("UP");
	}

	static Stream<Arguments> consoleForbidden() {
		String anyId = UUID.randomUUID().toString();
		return Stream.of(Arguments.of("CASHIER", HttpMethod.GET, "/console/segments"),
				Arguments.of("CASHIER", HttpMethod.POST, "/console/segments/preview"),
				Arguments.of("CASHIER", HttpMethod.GET, "/console/broadcasts/" + anyId),
				Arguments.of("CASHIER", HttpMethod.POST, "/console/broadcasts/" + anyId + "/start"),
				Arguments.of("CASHIER", HttpMethod.POST, "/console/templates/whatsapp-sync"),
				Arguments.of("CASHIER", HttpMethod.GET, "/console/staff"),
				Arguments.of("CASHIER", HttpMethod.POST, "/console/rewards"),
				Arguments.of("CASHIER", HttpMethod.POST, "/console/ledger/check"),
				Arguments.of("MARKETER", HttpMethod.GET, "/console/till"),
				Arguments.of("MARKETER", HttpMethod.POST, "/console/till/purchases"),
				Arguments.of("MARKETER", HttpMethod.POST, "/console/till/vouchers"),
				Arguments.of("MARKETER", HttpMethod.POST, "/console/stores"),
				Arguments.of("MARKETER", HttpMethod.POST, "/console/staff/" + anyId + "/link-codes"),
				Arguments.of("MARKETER", HttpMethod.GET, "/console/settings"));
	}

	@ParameterizedTest(name = "console {0} {1} {2} -> 403")
	@MethodSource("consoleForbidden")
	void should_refuse_a_console_page_the_role_may_not_use(String role, HttpMethod method, String path) {
		String store = this.till.openStore();
		String username = dev.punchcard.app.console.ConsoleSession.account(this.till, role,
				"CASHIER".equals(role) ? store : null);
		var browser = new dev.punchcard.app.console.ConsoleSession(this.http).logIn(username,
				dev.punchcard.app.console.ConsoleSession.password(username));

		int status = (method == HttpMethod.GET) ? browser.get(path).getStatus().value()
				: browser.post(path, dev.punchcard.app.console.ConsoleSession.form()).getStatus().value();

		assertThat(status).isEqualTo(HttpStatus.FORBIDDEN.value());
	}

}
