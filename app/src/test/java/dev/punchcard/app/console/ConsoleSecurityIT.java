package dev.punchcard.app.console;

import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.punchcard.app.api.ApiIT;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static dev.punchcard.app.console.ConsoleSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's security rules over plain HTTP (no browser needed): the redirect to the
 * login page, the session cookie's flags, a new session id at login, CSRF refusals, the
 * shared login throttle, logout, and each role kept to its pages.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class ConsoleSecurityIT extends ApiIT {

	/**
	 * Russian groups thousands with a no-break space; amounts and their code are joined
	 * by one.
	 */
	private static final String NBSP = "\u00a0";

	@Test
	void should_redirect_a_browser_to_the_login_page_when_not_logged_in() {
		this.http.get()
			.uri("/")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("/login");
		this.http.get().uri("/console/till").exchange().expectStatus().isFound().expectHeader().location("/login");
	}

	@Test
	void should_still_answer_an_api_client_with_401_problem_json() {
		this.http.get()
			.uri("/api/v1/rewards")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void should_set_an_http_only_same_site_lax_session_cookie_and_change_it_at_login() {
		ConsoleSession browser = new ConsoleSession(this.http);
		EntityExchangeResult<String> page = browser.get("/login");
		ResponseCookie cookie = page.getResponseCookies().getFirst(ConsoleSession.COOKIE);
		assertThat(cookie).isNotNull();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.isSecure()).isFalse();
		String before = browser.session();

		browser.logIn(ADMIN, ADMIN_PASSWORD);

		assertThat(browser.session()).isNotEqualTo(before);
		assertThat(browser.get("/console").getResponseBody()).contains(ADMIN);
	}

	@Test
	void should_refuse_a_form_post_without_the_csrf_token_with_a_readable_page() {
		ConsoleSession browser = new ConsoleSession(this.http).logIn(ADMIN, ADMIN_PASSWORD);

		EntityExchangeResult<String> refused = browser.postExactly("/console/stores",
				form("code", "NOCSRF", "name", "Never opened"));

		assertThat(refused.getStatus().value()).isEqualTo(403);
		assertThat(refused.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(refused.getResponseBody()).contains("This form has expired").doesNotContain("Exception");
		assertThat(this.db.sql("SELECT count(*) FROM stores WHERE code = 'NOCSRF'")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isZero();
	}

	@Test
	void should_refuse_a_login_post_without_the_csrf_token() {
		ConsoleSession browser = new ConsoleSession(this.http);
		browser.get("/login");

		EntityExchangeResult<String> refused = browser.postExactly("/login",
				form("username", ADMIN, "password", ADMIN_PASSWORD));

		assertThat(refused.getStatus().value()).isEqualTo(403);
	}

	@Test
	void should_show_a_readable_refusal_for_a_wrong_password() {
		ConsoleSession browser = new ConsoleSession(this.http);
		browser.get("/login");

		EntityExchangeResult<String> refused = browser.post("/login", form("username", ADMIN, "password", "wrong"));

		assertThat(refused.getStatus().value()).isEqualTo(401);
		assertThat(refused.getResponseBody()).contains("Unknown username or wrong password.");
	}

	@Test
	void should_throttle_console_logins_with_the_counts_the_api_shares() {
		// the API's throttle counts in Redis; this username is at the limit already
		this.redis.opsForValue().set("login:user:" + ADMIN, "1000").block();
		this.redis.expire("login:user:" + ADMIN, java.time.Duration.ofMinutes(5)).block();
		ConsoleSession browser = new ConsoleSession(this.http);
		browser.get("/login");

		EntityExchangeResult<String> throttled = browser.post("/login",
				form("username", ADMIN, "password", ADMIN_PASSWORD));

		assertThat(throttled.getStatus().value()).isEqualTo(429);
		assertThat(throttled.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(throttled.getResponseBody()).contains("Too many login attempts");
	}

	@Test
	void should_end_the_session_at_logout() {
		ConsoleSession browser = new ConsoleSession(this.http).logIn(ADMIN, ADMIN_PASSWORD);

		EntityExchangeResult<String> out = browser.post("/logout", form());

		assertThat(out.getResponseHeaders().getLocation()).hasToString("/login?logout");
		assertThat(browser.get("/console").getStatus().value()).isEqualTo(302);
	}

	@Test
	void should_answer_in_russian_when_the_browser_asks_for_it() {
		String page = this.http.get()
			.uri("/login")
			.header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(page).contains("Имя пользователя").contains("lang=\"ru\"");
	}

	static Stream<Arguments> refused() {
		String anyId = java.util.UUID.randomUUID().toString();
		return Stream.of(Arguments.of("CASHIER", "/console/segments"), Arguments.of("CASHIER", "/console/templates"),
				Arguments.of("CASHIER", "/console/broadcasts"), Arguments.of("CASHIER", "/console/broadcasts/" + anyId),
				Arguments.of("CASHIER", "/console/stores"), Arguments.of("CASHIER", "/console/staff"),
				Arguments.of("CASHIER", "/console/rewards"), Arguments.of("CASHIER", "/console/settings"),
				Arguments.of("CASHIER", "/console/ledger"), Arguments.of("MARKETER", "/console/till"),
				Arguments.of("MARKETER", "/console/till/card"), Arguments.of("MARKETER", "/console/stores"),
				Arguments.of("MARKETER", "/console/staff"), Arguments.of("MARKETER", "/console/ledger"),
				Arguments.of("CASHIER", "/console/dashboard"), Arguments.of("CASHIER", "/console/imports"),
				Arguments.of("CASHIER", "/console/imports/" + anyId), Arguments.of("MARKETER", "/console/imports"),
				Arguments.of("MARKETER", "/console/imports/" + anyId),
				Arguments.of("MARKETER", "/console/imports/" + anyId + "/progress"),
				Arguments.of("MARKETER", "/console/imports/" + anyId + "/rejections"),
				Arguments.of("ADMIN", "/console/not-a-page"), Arguments.of("ADMIN", "/console/members/x/y/z"),
				Arguments.of("ADMIN", "/console/members/" + anyId + "/notes"));
	}

	@ParameterizedTest(name = "{0} GET {1} -> 403 page")
	@MethodSource("refused")
	void should_refuse_a_role_the_pages_it_may_not_see_with_a_readable_page(String role, String path) {
		String store = this.till.openStore();
		String username = "ADMIN".equals(role) ? ADMIN
				: ConsoleSession.account(this.till, role, "CASHIER".equals(role) ? store : null);
		String password = "ADMIN".equals(role) ? ADMIN_PASSWORD : ConsoleSession.password(username);
		ConsoleSession browser = new ConsoleSession(this.http).logIn(username, password);

		EntityExchangeResult<String> refused = browser.get(path);

		assertThat(refused.getStatus().value()).isEqualTo(403);
		assertThat(refused.getResponseBody()).contains("Your role may not");
	}

	@Test
	void should_refuse_a_cashier_the_posts_of_other_roles() {
		String store = this.till.openStore();
		String cashier = ConsoleSession.account(this.till, "CASHIER", store);
		ConsoleSession browser = new ConsoleSession(this.http).logIn(cashier, ConsoleSession.password(cashier));

		assertThat(browser.post("/console/stores", form("code", "X1", "name", "X")).getStatus().value()).isEqualTo(403);
		assertThat(browser.post("/console/segments/preview", form("filter", "{}")).getStatus().value()).isEqualTo(403);
		assertThat(browser.post("/console/ledger/check", form()).getStatus().value()).isEqualTo(403);
	}

	@Test
	void should_show_a_readable_page_for_a_member_that_does_not_exist() {
		ConsoleSession browser = new ConsoleSession(this.http).logIn(ADMIN, ADMIN_PASSWORD);

		EntityExchangeResult<String> missing = browser.get("/console/members/" + java.util.UUID.randomUUID());

		assertThat(missing.getStatus().value()).isEqualTo(404);
		assertThat(missing.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(missing.getResponseBody()).contains("There is no such page").doesNotContain("Exception");
	}

	@Test
	void should_show_a_readable_page_for_a_malformed_member_id() {
		ConsoleSession browser = new ConsoleSession(this.http).logIn(ADMIN, ADMIN_PASSWORD);

		EntityExchangeResult<String> wrong = browser.get("/console/members/not-a-uuid");

		assertThat(wrong.getStatus().value()).isEqualTo(400);
		assertThat(wrong.getResponseBody()).contains("The request was not understood").doesNotContain("problem");
	}

	@ParameterizedTest(name = "{0} GET /console/leaderboard -> 200")
	@org.junit.jupiter.params.provider.ValueSource(strings = { "ADMIN", "MARKETER", "CASHIER" })
	void should_show_every_role_the_leaderboard_as_the_api_does(String role) {
		ConsoleSession browser = logIn(role);

		EntityExchangeResult<String> page = browser.get("/console/leaderboard");

		assertThat(page.getStatus().value()).isEqualTo(200);
		assertThat(page.getResponseBody()).contains("Weekly leaderboard", "id=\"leaderboard-close\"");
	}

	@Test
	void should_show_a_readable_page_for_a_malformed_leaderboard_week() {
		ConsoleSession browser = logIn("MARKETER");

		EntityExchangeResult<String> wrong = browser.get("/console/leaderboard?week=last-tuesday");

		assertThat(wrong.getStatus().value()).isEqualTo(400);
		assertThat(wrong.getResponseBody()).doesNotContain("Exception");
	}

	@Test
	void should_refuse_an_import_upload_without_the_csrf_token_and_keep_nothing() {
		ConsoleSession browser = logIn("ADMIN");
		browser.get("/console/imports");

		EntityExchangeResult<String> refused = browser.upload("MEMBERS", false, "external_id,name\r\nX-1,Never\r\n",
				false);

		assertThat(refused.getStatus().value()).isEqualTo(403);
		assertThat(refused.getResponseBody()).contains("This form has expired");
		assertThat(importCount()).isZero();
	}

	@ParameterizedTest(name = "{0} POST /console/imports -> 403")
	@org.junit.jupiter.params.provider.ValueSource(strings = { "MARKETER", "CASHIER" })
	void should_refuse_an_import_upload_to_a_role_that_may_not_import(String role) {
		ConsoleSession browser = logIn(role);

		EntityExchangeResult<String> refused = browser.upload("MEMBERS", false, "external_id,name\r\nX-1,Never\r\n",
				true);

		assertThat(refused.getStatus().value()).isEqualTo(403);
		assertThat(refused.getResponseBody()).contains("Your role may not");
		assertThat(importCount()).isZero();
	}

	@Test
	void should_start_an_import_from_an_upload_and_send_the_browser_to_its_page() {
		ConsoleSession browser = logIn("ADMIN");
		browser.get("/console/imports");

		EntityExchangeResult<String> started = browser.upload("MEMBERS", false,
				"external_id,name\r\nC-1,Clara Console\r\nC-2,\r\n", true);

		assertThat(started.getStatus().value()).isEqualTo(200);
		String location = started.getResponseHeaders().getFirst("HX-Redirect");
		assertThat(location).startsWith("/console/imports/");
		assertThat(importCount()).isOne();
		assertThat(browser.get(location).getResponseBody()).contains("id=\"import-state\"");
	}

	@Test
	void should_start_an_import_from_the_plain_form_without_javascript_and_redirect_to_its_page() {
		ConsoleSession browser = logIn("ADMIN");
		String page = browser.get("/console/imports").getResponseBody();
		String form = page.substring(page.indexOf("<form id=\"import-form\""));
		assertThat(form.substring(0, form.indexOf('>'))).contains("method=\"post\"", "enctype=\"multipart/form-data\"",
				"action=\"/console/imports\"");
		// the token is the form's first field, so it comes before the file
		assertThat(form.substring(form.indexOf("<input"))).startsWith("<input type=\"hidden\" name=\"_csrf\"");
		assertThat(form.indexOf("name=\"_csrf\"")).isLessThan(form.indexOf("name=\"kind\""));

		EntityExchangeResult<String> started = browser.uploadForm("MEMBERS",
				"external_id,name\r\nP-1,Paula Plainform\r\n", browser.csrf());

		assertThat(started.getStatus().value()).isEqualTo(303);
		String location = started.getResponseHeaders().getLocation().toString();
		assertThat(location).matches("/console/imports/[0-9a-f-]{36}");
		assertThat(started.getResponseHeaders().getFirst("HX-Redirect")).isNull();
		assertThat(importCount()).isOne();
		assertThat(browser.get(location).getResponseBody()).contains("id=\"import-state\"");
	}

	@Test
	void should_refuse_a_plain_form_upload_with_a_missing_or_forged_csrf_field_and_keep_nothing() {
		ConsoleSession browser = logIn("ADMIN");
		browser.get("/console/imports");
		String csv = "external_id,name\r\nF-1,Never\r\n";

		EntityExchangeResult<String> missing = browser.uploadForm("MEMBERS", csv, null);
		EntityExchangeResult<String> forged = browser.uploadForm("MEMBERS", csv,
				"Zm9yZ2VkLXRva2VuLXRoYXQtbm9ib2R5LWlzc3VlZA");

		assertThat(missing.getStatus().value()).isEqualTo(403);
		assertThat(missing.getResponseBody()).contains("This form has expired");
		assertThat(forged.getStatus().value()).isEqualTo(403);
		assertThat(forged.getResponseBody()).contains("This form has expired");
		assertThat(importCount()).isZero();
	}

	@Test
	void should_show_the_imports_page_saying_why_when_a_plain_form_upload_is_refused() {
		ConsoleSession browser = logIn("ADMIN");
		browser.get("/console/imports");

		EntityExchangeResult<String> empty = browser.uploadForm("MEMBERS", "", browser.csrf());

		assertThat(empty.getStatus().value()).isEqualTo(400);
		assertThat(empty.getResponseBody()).contains("id=\"import-form\"", "id=\"imports\"", "The file is empty");
		assertThat(importCount()).isZero();
	}

	@Test
	void should_write_a_members_points_in_their_plural_form_and_amounts_grouped_in_each_language() {
		String admin = this.till.adminToken();
		String store = this.till.openStore();
		JsonNode member = this.till.post(admin, "/api/v1/customers", Map.of("name", "Pyotr Plural"),
				HttpStatus.CREATED);
		this.till.purchase(admin, member.get("cardCode").asText(), store, "R-plural-1", 12_345_00, HttpStatus.CREATED);
		JsonNode other = this.till.post(admin, "/api/v1/customers", Map.of("name", "Vera Twentyone"),
				HttpStatus.CREATED);
		this.till.purchase(admin, other.get("cardCode").asText(), store, "R-plural-2", 21_00, HttpStatus.CREATED);
		ConsoleSession english = logIn("ADMIN");
		ConsoleSession russian = logIn("ADMIN").language("ru");
		String twentyOne = "/console/members/" + other.get("customerId").asText();
		String purchases = "/console/members/" + member.get("customerId").asText() + "/purchases";

		assertThat(russian.get(twentyOne).getResponseBody()).contains("<dd id=\"balance\">21 балл</dd>");
		assertThat(english.get(twentyOne).getResponseBody()).contains("<dd id=\"balance\">21 points</dd>");
		assertThat(russian.get(purchases).getResponseBody()).contains("12" + NBSP + "345,00" + NBSP + "EUR");
		assertThat(english.get(purchases).getResponseBody()).contains("12,345.00" + NBSP + "EUR");
	}

	@Test
	void should_say_why_when_an_upload_is_empty_or_names_no_kind() {
		ConsoleSession browser = logIn("ADMIN");
		browser.get("/console/imports");

		EntityExchangeResult<String> empty = browser.upload("MEMBERS", false, "", true);
		EntityExchangeResult<String> noKind = browser.upload("SHOES", false, "external_id,name\r\nX-1,X\r\n", true);

		assertThat(empty.getStatus().value()).isEqualTo(400);
		assertThat(empty.getResponseBody()).contains("The file is empty");
		assertThat(noKind.getStatus().value()).isEqualTo(400);
		assertThat(noKind.getResponseBody()).contains("Choose members or purchases");
		assertThat(importCount()).isZero();
	}

	@Test
	void should_show_the_dashboard_to_a_marketer_and_say_why_a_filter_is_refused() {
		ConsoleSession browser = logIn("MARKETER");

		EntityExchangeResult<String> page = browser.get("/console/dashboard");
		EntityExchangeResult<String> reversed = browser.get("/console/dashboard?from=2026-12-01&to=2026-11-01");
		EntityExchangeResult<String> unknown = browser.get("/console/dashboard?store=NOPE");
		EntityExchangeResult<String> malformed = browser.get("/console/dashboard?from=yesterday");

		assertThat(page.getStatus().value()).isEqualTo(200);
		assertThat(page.getResponseBody()).contains("id=\"dashboard-charts\"", "data-charts=\"{");
		assertThat(reversed.getStatus().value()).isEqualTo(400);
		assertThat(reversed.getResponseBody()).contains("The range must not end before it starts");
		assertThat(unknown.getStatus().value()).isEqualTo(400);
		assertThat(unknown.getResponseBody()).contains("There is no store with the code NOPE.");
		assertThat(malformed.getStatus().value()).isEqualTo(400);
		assertThat(malformed.getResponseBody()).doesNotContain("Exception");
	}

	@Test
	void should_serve_chart_js_from_its_webjar_without_a_session() {
		this.http.get()
			.uri("/webjars/chart.js/dist/chart.umd.min.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/javascript");
	}

	private ConsoleSession logIn(String role) {
		if ("ADMIN".equals(role)) {
			return new ConsoleSession(this.http).logIn(ADMIN, ADMIN_PASSWORD);
		}
		String username = ConsoleSession.account(this.till, role,
				"CASHIER".equals(role) ? this.till.openStore() : null);
		return new ConsoleSession(this.http).logIn(username, ConsoleSession.password(username));
	}

	private long importCount() {
		return this.db.sql("SELECT count(*) FROM imports").map((row) -> row.get(0, Long.class)).one().block();
	}

}
