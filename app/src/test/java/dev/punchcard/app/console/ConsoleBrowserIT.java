package dev.punchcard.app.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.punchcard.app.api.ApiIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each role's main path through the console in a real headless Chromium, with a
 * screenshot per step (target/console-screenshots). Skipped, saying so, on a machine
 * without Debian's chromium and chromium-driver; ConsoleSecurityIT checks the rules
 * without a browser.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class ConsoleBrowserIT extends ApiIT {

	@BeforeAll
	static void chromium() {
		assumeTrue(Browser.binaries().isPresent(),
				"No chromium and chromedriver on the PATH or at /usr/bin: the console's browser tests are skipped "
						+ "(apt-get install chromium chromium-driver, as .ci/run does, to run them)");
	}

	@Test
	void should_let_an_admin_open_a_store_create_a_cashier_and_a_reward_and_run_the_ledger_check(TestInfo test) {
		String code = "S" + UUID.randomUUID().toString().substring(0, 6);
		String cashier = "cashier-" + UUID.randomUUID().toString().substring(0, 6);
		try (Browser browser = browser(test, "en", 1280, 900)) {
			browser.logIn(ADMIN, ADMIN_PASSWORD).screenshot("home");

			browser.go("/console/stores")
				.type("store-code", code)
				.type("store-name", "Harbour street")
				.click("store-open");
			assertThat(browser.waitText("message", "opened")).contains(code);
			assertThat(browser.text("stores")).contains("Harbour street");
			browser.screenshot("store-opened");

			browser.go("/console/staff")
				.type("staff-username", cashier)
				.type("staff-password", "a-long-enough-password-" + cashier)
				.select("staff-role", "CASHIER")
				.select("staff-store", code)
				.click("staff-create");
			assertThat(browser.waitText("message", "created")).contains(cashier);
			browser.waitFor(By.cssSelector("button[data-username='" + cashier + "']")).click();
			assertThat(browser.text("link-code-value")).isNotBlank();
			browser.screenshot("cashier-created-with-link-code");

			browser.go("/console/rewards")
				.type("reward-name", "Free espresso")
				.type("reward-cost", "50")
				.type("reward-stock", "10")
				.click("reward-create");
			assertThat(browser.waitText("message", "created")).contains("Free espresso");
			browser.screenshot("reward-created");

			browser.go("/console/settings");
			assertThat(browser.text("settings-currency")).isEqualTo("EUR");
			assertThat(browser.text("tiers")).contains("BRONZE", "SILVER", "GOLD");
			browser.screenshot("settings");

			browser.go("/console/ledger").click("ledger-check");
			assertThat(browser.waitText("ledger-result", "Consistent")).containsPattern("balances? checked");
			browser.screenshot("ledger-checked");
		}
		assertThat(this.till.login(cashier, "a-long-enough-password-" + cashier)).isNotBlank();
		assertThat(this.till.get(this.till.adminToken(), "/api/v1/rewards", HttpStatus.OK).findValuesAsText("name"))
			.contains("Free espresso");
	}

	@Test
	void should_let_a_cashier_type_a_card_record_a_purchase_refund_it_and_honour_a_voucher(TestInfo test) {
		String store = this.till.openStore();
		String cashier = ConsoleSession.account(this.till, "CASHIER", store);
		String token = this.till.login(cashier, ConsoleSession.password(cashier));
		JsonNode member = this.till.enrol(token, "Vera Till");
		String card = member.get("cardCode").asText();
		String customerId = member.get("customerId").asText();
		this.till.purchase(token, card, store, "R-api-1", 100_00, HttpStatus.CREATED);
		String reward = this.till.reward("Free espresso", 50, null).get("id").asText();
		String voucher = this.till
			.post(token, "/api/v1/customers/" + customerId + "/redemptions", Map.of("rewardId", reward),
					HttpStatus.CREATED)
			.get("voucherCode")
			.asText();
		try (Browser browser = browser(test, "en", 1280, 900)) {
			browser.logIn(cashier, ConsoleSession.password(cashier)).go("/console/till").screenshot("till");

			browser.type("card-input", card).click("card-find");
			assertThat(browser.waitText("card-balance", "50")).isEqualTo("50 points");
			browser.screenshot("card-found");

			browser.type("receipt", "R-console-1").type("amount", "12.50").click("purchase-record");
			String recorded = browser.waitText("till-message", "Recorded");
			long balance = balanceOf(token, customerId);
			assertThat(balance).isEqualTo(62);
			assertThat(recorded).contains("12 points earned", "New balance 62 points");
			browser.screenshot("purchase-recorded");

			browser.type("refund-no", "RF-console-1").type("refund-amount", "12.50").click("refund-record");
			assertThat(browser.waitText("till-message", "Refunded")).contains("New balance 50 points");
			assertThat(balanceOf(token, customerId)).isEqualTo(50);
			browser.screenshot("refunded");

			browser.type("voucher-code", voucher).click("voucher-honour");
			assertThat(browser.waitText("voucher-result", "honoured")).contains("Voucher honoured");
			browser.click("voucher-honour");
			assertThat(browser.waitText("voucher-result", "already used")).contains("already used");
			browser.screenshot("voucher-honoured");

			browser.type("card-input", card + "X").click("card-find");
			assertThat(browser.waitText("till-message", "not valid")).contains("The card code is not valid");
		}
		assertThat(ledgerMismatches()).isZero();
	}

	@Test
	void should_let_a_marketer_preview_and_save_a_segment_and_follow_a_broadcast(TestInfo test) {
		String marketer = ConsoleSession.account(this.till, "MARKETER", null);
		String token = this.till.login(marketer, ConsoleSession.password(marketer));
		String admin = this.till.adminToken();
		this.till.enrol(admin, "Mia Market");
		this.till.enrol(admin, "Max Market");
		String broadcast = telegramDraft(token);
		try (Browser browser = browser(test, "en", 1280, 900)) {
			browser.logIn(marketer, ConsoleSession.password(marketer)).go("/console/segments");
			assertThat(browser.waitText("preview-count", "members match")).isEqualTo("2 members match");

			browser.type("segment-filter", "{\"tiers\": [\"GOLD\"]}");
			assertThat(browser.waitText("preview-count", "0 members")).isEqualTo("0 members match");
			browser.type("segment-filter", "{\"colour\": \"red\"}");
			assertThat(browser.waitText("segment-invalid", "not valid")).isNotBlank();
			browser.type("segment-filter", "{\"tiers\": [\"BRONZE\"]}");
			assertThat(browser.waitText("preview-count", "2 members")).isEqualTo("2 members match");
			browser.type("segment-name", "Bronze members").click("segment-save");
			assertThat(browser.waitText("segment-saved", "saved")).contains("Bronze members", "2 members");
			browser.screenshot("segment-saved");

			browser.go("/console/broadcasts");
			browser.waitFor(By.linkText("Console sale")).click();
			assertThat(browser.text("broadcast-state")).isEqualTo("draft");
			assertThat(browser.attribute("broadcast-bar", "value")).isEqualTo("0");
			assertThat(browser.text("broadcast-states")).contains("waiting", "delivered", "failed");
			browser.screenshot("broadcast-draft");

			browser.click("broadcast-start");
			assertThat(browser.waitText("broadcast-state", "sending")).isEqualTo("sending");
			assertThat(browser.text("broadcast-notice")).isEqualTo("Done.");
			// the page now asks for the progress every few seconds
			assertThat(browser.attribute("progress", "hx-trigger")).isEqualTo("every 3s");
			browser.screenshot("broadcast-running");

			browser.click("broadcast-cancel");
			browser.acceptConfirm();
			assertThat(browser.waitText("broadcast-state", "cancelled")).isEqualTo("cancelled");
			browser.screenshot("broadcast-cancelled");
		}
		assertThat(this.till.get(token, "/api/v1/broadcasts/" + broadcast, HttpStatus.OK).path("state").asText())
			.isEqualTo("CANCELLED");
	}

	@Test
	void should_find_a_member_by_phone_and_by_name_and_show_their_records(TestInfo test) {
		String admin = this.till.adminToken();
		JsonNode member = this.till.post(admin, "/api/v1/customers",
				Map.of("name", "Olga Searchable", "phone", "+49 151 23456789"), HttpStatus.CREATED);
		String store = this.till.openStore();
		this.till.purchase(admin, member.get("cardCode").asText(), store, "R-search-1", 30_00, HttpStatus.CREATED);
		String marketer = ConsoleSession.account(this.till, "MARKETER", null);
		try (Browser browser = browser(test, "en", 1280, 900)) {
			browser.logIn(marketer, ConsoleSession.password(marketer));

			browser.type("q", "0151 23456789").click("search");
			assertThat(browser.text("matches")).contains("Olga Searchable", "+4915123456789");
			browser.screenshot("found-by-phone");

			browser.type("q", "olga s").click("search");
			browser.waitFor(By.linkText("Olga Searchable")).click();
			assertThat(browser.text("balance")).isEqualTo("30 points");
			assertThat(browser.waitText("ledger", "30")).contains("EARN");
			assertThat(browser.waitText("purchases", "30.00 EUR")).contains("30.00 EUR");
			assertThat(browser.waitText("vouchers", "No vouchers")).isNotBlank();
			assertThat(browser.waitText("channels", "No chat")).isNotBlank();
			browser.screenshot("member-page");

			browser.go("/console/members").type("q", "nobody-like-this").click("search");
			assertThat(browser.text("no-matches")).isEqualTo("Nobody matches.");
			// a marketer has no till
			assertThat(browser.page()).doesNotContain("nav-till");
		}
	}

	@Test
	void should_refuse_a_wrong_password_and_throttle_repeated_attempts(TestInfo test) {
		try (Browser browser = browser(test, "en", 1280, 900)) {
			browser.go("/login").type("username", ADMIN).type("password", "wrong").click("login");
			assertThat(browser.waitText("message", "wrong password")).isEqualTo("Unknown username or wrong password.");
			browser.screenshot("wrong-password");

			this.redis.opsForValue().set("login:user:" + ADMIN, "1000").block();
			this.redis.expire("login:user:" + ADMIN, java.time.Duration.ofMinutes(5)).block();
			browser.type("password", ADMIN_PASSWORD).click("login");
			assertThat(browser.waitText("message", "Too many")).startsWith("Too many login attempts; try again in");
			browser.screenshot("throttled");
		}
	}

	@Test
	void should_speak_russian_to_a_russian_browser_and_switch_languages(TestInfo test) {
		String admin = this.till.adminToken();
		JsonNode member = this.till.post(admin, "/api/v1/customers", Map.of("name", "Зоя Двадцатьодна"),
				HttpStatus.CREATED);
		this.till.purchase(admin, member.get("cardCode").asText(), this.till.openStore(), "R-ru-21", 21_00,
				HttpStatus.CREATED);
		try (Browser browser = browser(test, "ru-RU", 1280, 900)) {
			browser.go("/login");
			assertThat(browser.text("login")).isEqualTo("Войти");
			browser.logIn(ADMIN, ADMIN_PASSWORD).go("/console/ledger");
			assertThat(browser.text("ledger-check")).isEqualTo("Запустить проверку");
			browser.click("ledger-check");
			assertThat(browser.waitText("ledger-result", "сходится")).startsWith("Всё сходится");
			browser.screenshot("russian");
			browser.go("/console/members/" + member.get("customerId").asText());
			assertThat(browser.text("balance")).isEqualTo("21 балл");
			assertThat(browser.waitText("purchases", "21,00")).contains("21,00 EUR");
			browser.screenshot("russian-member-21-points");
			browser.go("/console/ledger");

			browser.click("lang-en");
			assertThat(browser.text("ledger-check")).isEqualTo("Run the check");
		}
	}

	@Test
	void should_fit_a_phone_screen(TestInfo test) {
		String store = this.till.openStore();
		String cashier = ConsoleSession.account(this.till, "CASHIER", store);
		JsonNode member = this.till.enrol(this.till.login(cashier, ConsoleSession.password(cashier)), "Pia Phone");
		try (Browser browser = browser(test, "en", 390, 844)) {
			browser.logIn(cashier, ConsoleSession.password(cashier)).go("/console/till");
			browser.type("card-input", member.get("cardCode").asText()).click("card-find");
			browser.waitFor(By.id("purchase-form"));
			Object overflow = ((org.openqa.selenium.JavascriptExecutor) driverOf(browser))
				.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
			assertThat(overflow).isEqualTo(false);
			browser.screenshot("till-on-a-phone");
		}
	}

	@Test
	void should_show_a_marketer_this_weeks_leaderboard_on_a_desktop_and_a_phone(TestInfo test) {
		String store = this.till.openStore();
		String admin = this.till.adminToken();
		long[] spends = { 120_00, 80_00, 45_50 };
		String[] names = { "Lena Leader", "Sam Second", "Tia Third" };
		for (int i = 0; i < names.length; i++) {
			String card = this.till.enrol(admin, names[i]).get("cardCode").asText();
			this.till.purchase(admin, card, store, "R-top-" + i, spends[i], HttpStatus.CREATED);
		}
		String marketer = ConsoleSession.account(this.till, "MARKETER", null);
		try (Browser browser = browser(test, "en", 1280, 900)) {
			browser.logIn(marketer, ConsoleSession.password(marketer)).click("nav-leaderboard");
			assertThat(browser.text("leaderboard-state")).isEqualTo("running");
			assertThat(browser.text("leaderboard-close")).startsWith("closes ").endsWith("(UTC)");
			assertThat(row(browser, 1)).isEqualTo("1 Lena L. 120.00 500 points");
			assertThat(row(browser, 2)).isEqualTo("2 Sam S. 80.00 300 points");
			assertThat(row(browser, 3)).isEqualTo("3 Tia T. 45.50 200 points");
			assertThat(browser.text("leaderboard-past")).contains("No winners");
			browser.screenshot("leaderboard");

			browser.click("leaderboard-previous");
			assertThat(browser.text("leaderboard-empty")).isNotBlank();
			assertThat(browser.text("leaderboard-state")).isEqualTo("closed, not awarded");
		}
		try (Browser phone = browser(test, "ru-RU", 390, 844)) {
			phone.logIn(marketer, ConsoleSession.password(marketer)).go("/console/leaderboard");
			assertThat(phone.text("leaderboard-state")).isEqualTo("идёт");
			assertThat(row(phone, 1)).contains("Lena L.", "500 баллов");
			assertThat(fitsTheWindow(phone)).isTrue();
			phone.screenshot("leaderboard-on-a-phone");
		}
	}

	@Test
	void should_let_an_admin_import_members_follow_the_progress_and_download_the_rejected_lines(TestInfo test)
			throws java.io.IOException {
		StringBuilder csv = new StringBuilder("external_id,name,phone\r\n");
		for (int i = 1; i <= 2_000; i++) {
			csv.append("B-").append(i).append(",Member ").append(i).append(",\r\n");
		}
		csv.append("B-nameless,,\r\n").append("B-badphone,Bad Phone,12\r\n");
		java.nio.file.Path file = java.nio.file.Files.createTempFile("members-", ".csv");
		java.nio.file.Files.writeString(file, csv);
		try (Browser browser = browser(test, "en", 1280, 900)) {
			browser.logIn(ADMIN, ADMIN_PASSWORD).click("nav-imports");
			assertThat(browser.text("imports")).contains("No imports yet");
			browser.select("import-kind", "MEMBERS");
			browser.waitFor(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
			browser.screenshot("import-chosen");
			browser.click("import-start");

			// htmx follows the upload's redirect to the import's page, which polls until
			// done
			assertThat(browser.waitText("import-state", "completed")).isEqualTo("completed");
			assertThat(browser.text("import-read")).isEqualTo("2,002");
			assertThat(browser.text("import-accepted")).isEqualTo("2,000 (of which 0 there already)");
			assertThat(browser.text("import-rejected")).isEqualTo("2");
			assertThat(browser.attribute("import-bar", "value")).isEqualTo("100");
			assertThat(browser.text("import-rejections")).contains("2,002", "missing name", "2,003", "bad phone");
			browser.screenshot("import-completed");
			String download = browser.attribute("import-download", "href");
			// CRLF line ends shown as | (WebDriver would not carry a CR across)
			Object body = driverOf(browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
					+ " fetch(arguments[0]).then(function (r) { return r.text().then(function (t) {"
					+ " done(r.status + ' ' + r.headers.get('content-type') + ' ' + t.split('\\r\\n').join('|')); }); });",
					download);
			assertThat(body).hasToString(
					"200 text/csv;charset=UTF-8 line,reason|2002,missing name|2003,bad phone: not a phone number|");

			// live: the page asks every second while the import runs and shows the end by
			// itself
			String id = download.replaceAll(".*/imports/([^/]+)/rejections", "$1");
			this.db
				.sql("UPDATE imports SET state = 'RUNNING', finished_at = NULL, heartbeat_at = now(), "
						+ "bytes_read = file_bytes / 2 WHERE id = '" + id + "'::uuid")
				.fetch()
				.rowsUpdated()
				.block();
			browser.go("/console/imports/" + id);
			assertThat(browser.text("import-state")).isEqualTo("running");
			assertThat(browser.attribute("progress", "hx-trigger")).isEqualTo("every 1s");
			assertThat(browser.page()).doesNotContain("import-download");
			browser.screenshot("import-running");
			this.db
				.sql("UPDATE imports SET state = 'COMPLETED', finished_at = now(), bytes_read = file_bytes "
						+ "WHERE id = '" + id + "'::uuid")
				.fetch()
				.rowsUpdated()
				.block();
			assertThat(browser.waitText("import-state", "completed")).isEqualTo("completed");
			assertThat(browser.attribute("progress", "hx-trigger")).isEqualTo("never");

			browser.go("/console/imports");
			assertThat(browser.text("imports")).contains("Members", "completed", "2,002", "2,000", "100.0%");
		}
		finally {
			java.nio.file.Files.deleteIfExists(file);
		}
		assertThat(this.db.sql("SELECT count(*) FROM customers WHERE external_id LIKE 'B-%'")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isEqualTo(2_000);
	}

	@Test
	void should_fit_the_imports_page_on_a_phone(TestInfo test) {
		try (Browser browser = browser(test, "en", 390, 844)) {
			browser.logIn(ADMIN, ADMIN_PASSWORD).go("/console/imports");
			browser.waitFor(By.id("import-form"));
			assertThat(fitsTheWindow(browser)).isTrue();
			browser.screenshot("imports-on-a-phone");
		}
	}

	@Test
	void should_show_a_marketer_the_dashboard_with_charts_and_filter_it_by_store(TestInfo test) {
		String admin = this.till.adminToken();
		String north = this.till.openStore();
		String south = this.till.openStore();
		String card = this.till.enrol(admin, "Dana Dash").get("cardCode").asText();
		String other = this.till.enrol(admin, "Emil Dash").get("cardCode").asText();
		purchaseWithItems(admin, card, north, "R-dash-1", "Beans", 2, 6_00);
		purchaseWithItems(admin, other, south, "R-dash-2", "Mug", 1, 15_00);
		String marketer = ConsoleSession.account(this.till, "MARKETER", null);
		try (Browser browser = browser(test, "en", 1280, 1000)) {
			browser.logIn(marketer, ConsoleSession.password(marketer)).click("nav-dashboard");
			assertThat(browser.text("total-members")).isEqualTo("2");
			assertThat(browser.text("total-revenue")).isEqualTo("27.00 EUR");
			assertThat(browser.text("total-issued")).isEqualTo("27");
			assertThat(browser.text("total-liability")).isEqualTo("0.27 EUR");
			assertThat(browser.page()).contains("27 points outstanding", "2 purchases");
			assertThat(browser.text("top-products")).contains("Mug", "15.00", "Beans", "12.00");
			// Chart.js drew each chart from the page's data: today's bar carries the
			// day's sums
			assertThat(chartValue(browser, "sales", 0)).isEqualTo("27");
			assertThat(chartValue(browser, "members", 0)).isEqualTo("2");
			assertThat(chartValue(browser, "points", 0)).isEqualTo("27");
			assertThat(chartLabels(browser, "products")).isEqualTo("Mug,Beans");
			assertThat(chartLabels(browser, "sales").split(",")).hasSize(DashboardPage.DEFAULT_DAYS);
			browser.screenshot("dashboard");

			browser.select("dashboard-store", north).click("dashboard-show");
			assertThat(browser.waitText("total-revenue", "12.00")).isEqualTo("12.00 EUR");
			assertThat(browser.text("top-products")).contains("Beans").doesNotContain("Mug");
			assertThat(chartValue(browser, "sales", 0)).isEqualTo("12");
		}
		try (Browser phone = browser(test, "ru-RU", 390, 844)) {
			phone.logIn(marketer, ConsoleSession.password(marketer)).go("/console/dashboard");
			// in Russian: a decimal comma, and points with their noun
			assertThat(phone.text("total-revenue")).isEqualTo("27,00 EUR");
			assertThat(phone.page()).contains("27 баллов");
			assertThat(chartLabels(phone, "products")).isEqualTo("Mug,Beans");
			assertThat(fitsTheWindow(phone)).isTrue();
			phone.screenshot("dashboard-on-a-phone");
		}
	}

	/** The last value of a chart's first series, as Chart.js holds it. */
	private static String chartValue(Browser browser, String chart, int series) {
		Object value = driverOf(browser).executeScript(
				"var c = Chart.getChart('chart-' + arguments[0]);"
						+ " var d = c.data.datasets[arguments[1]].data; return String(d[d.length - 1]);",
				chart, series);
		return String.valueOf(value);
	}

	private static String chartLabels(Browser browser, String chart) {
		return String.valueOf(driverOf(browser)
			.executeScript("return Chart.getChart('chart-' + arguments[0]).data.labels.join(',');", chart));
	}

	private void purchaseWithItems(String token, String card, String store, String receipt, String item, int quantity,
			long unitPriceMinor) {
		this.till
			.post(token, "/api/v1/purchases", Map.of(
					"cardCode", card, "storeCode", store, "receiptNo", receipt, "amountMinor",
					quantity * unitPriceMinor, "currency", "EUR", "items", List.of(Map.of("sku", "SKU-" + item, "name",
							item, "category", "shop", "quantity", quantity, "unitPriceMinor", unitPriceMinor))),
					HttpStatus.CREATED);
	}

	private static String row(Browser browser, int place) {
		return browser.waitFor(By.cssSelector("#leaderboard tr[data-place='" + place + "']")).getText();
	}

	private static boolean fitsTheWindow(Browser browser) {
		return Boolean.FALSE.equals(
				driverOf(browser).executeScript("return document.documentElement.scrollWidth > window.innerWidth;"));
	}

	@Test
	void should_let_an_admin_import_a_file_without_javascript(TestInfo test) throws java.io.IOException {
		java.nio.file.Path file = java.nio.file.Files.createTempFile("members-nojs-", ".csv");
		java.nio.file.Files.writeString(file, "external_id,name\r\nN-1,Nora Noscript\r\nN-2,\r\n");
		java.nio.file.Path empty = java.nio.file.Files.createTempFile("empty-nojs-", ".csv");
		String name = test.getTestMethod().map((method) -> method.getName()).orElse("test");
		try (Browser browser = Browser.open(this.port, name, "en", 1280, 900, false)) {
			browser.logIn(ADMIN, ADMIN_PASSWORD).go("/console/imports");
			browser.select("import-kind", "MEMBERS");
			browser.waitFor(By.id("import-file")).sendKeys(empty.toAbsolutePath().toString());
			browser.click("import-start");
			// the browser posted the form itself and got the imports page back, saying
			// why
			assertThat(browser.waitText("message", "empty")).contains("The file is empty");
			assertThat(browser.url()).endsWith("/console/imports");
			browser.screenshot("no-js-refused");

			browser.select("import-kind", "MEMBERS");
			browser.waitFor(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
			browser.click("import-start");
			// post/redirect/get: the import's own page, which a reload brings up to date
			browser.waitFor(By.id("import-state"));
			assertThat(browser.url()).matches(".*/console/imports/[0-9a-f-]{36}");
			for (int i = 0; i < 50 && !"completed".equals(browser.text("import-state")); i++) {
				sleep(200);
				browser.go(browser.url().replaceFirst("^https?://[^/]+", ""));
			}
			assertThat(browser.text("import-state")).isEqualTo("completed");
			assertThat(browser.text("import-accepted")).startsWith("1 ");
			assertThat(browser.text("import-rejected")).isEqualTo("1");
			browser.screenshot("no-js-imported");
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Browser browser(TestInfo test, String language, int width, int height) {
		String name = test.getTestMethod().map((method) -> method.getName()).orElse("test");
		return Browser.open(this.port, name, language, width, height);
	}

	private static org.openqa.selenium.chrome.ChromeDriver driverOf(Browser browser) {
		return browser.driver();
	}

	private long balanceOf(String token, String customerId) {
		return this.till.get(token, "/api/v1/customers/" + customerId, HttpStatus.OK).get("balance").asLong();
	}

	private String telegramDraft(String token) {
		String segment = this.till
			.post(token, "/api/v1/segments", Map.of("name", "everyone-" + UUID.randomUUID(), "filter", Map.of()),
					HttpStatus.CREATED)
			.path("id")
			.asText();
		String template = this.till
			.post(token, "/api/v1/templates/telegram",
					Map.of("name", "Console " + UUID.randomUUID(), "texts", Map.of("en", "Sale, {{first_name}}!")),
					HttpStatus.CREATED)
			.path("id")
			.asText();
		return this.till
			.post(token, "/api/v1/broadcasts",
					Map.of("name", "Console sale", "segmentId", segment, "channelPolicy", "TELEGRAM_ONLY", "telegram",
							Map.of("templateId", template, "bindings",
									Map.of("first_name", Map.of("field", "first_name")))),
					HttpStatus.CREATED)
			.path("id")
			.asText();
	}

}
