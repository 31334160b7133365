package dev.punchcard.app.api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.punchcard.core.analytics.application.AnalyticsRollups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics API over purchases recorded through the till: the same answer before and
 * after the rollup job, JSON or CSV, a cashier kept to their own store, bad parameters
 * named in a 400 problem.
 */
class AnalyticsApiIT extends ApiIT {

	@Autowired
	private AnalyticsRollups rollups;

	private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

	@Test
	void should_report_the_sales_and_products_of_the_purchases_recorded_whether_rolled_up_or_not() {
		String north = this.till.openStore();
		String south = this.till.openStore();
		String cashier = this.till.staff("CASHIER", north);
		String card = this.till.enrol(cashier, "Analytics Shopper").get("cardCode").asText();
		buy(cashier, card, north, "N-1", 1000, "COFFEE", 2, 300);
		buy(cashier, card, north, "N-2", 500, "TEA", 1, 500);
		String southCashier = this.till.staff("CASHIER", south);
		JsonNode refunded = buy(southCashier, card, south, "S-1", 2000, "COFFEE", 5, 400);
		this.till.refund(southCashier, refunded.get("purchaseId").asText(), "R-1", 700, HttpStatus.CREATED);
		String uri = "/api/v1/analytics/sales?from=" + TODAY + "&to=" + TODAY + "&zone=UTC";

		JsonNode raw = this.till.get(this.till.adminToken(), uri, HttpStatus.OK);
		assertThat(raw.at("/data/purchases").asLong()).isEqualTo(3);
		assertThat(raw.at("/data/revenueMinor").asLong()).isEqualTo(3500);
		assertThat(raw.at("/data/refundedMinor").asLong()).isEqualTo(700);
		assertThat(raw.at("/data/netRevenueMinor").asLong()).isEqualTo(2800);
		assertThat(raw.at("/data/stores")).hasSize(2);
		assertThat(raw.at("/currency").asText()).isEqualTo("EUR");

		this.rollups.rollUp().block();
		assertThat(this.till.get(this.till.adminToken(), uri, HttpStatus.OK)).isEqualTo(raw);

		JsonNode products = this.till.get(this.till.adminToken(),
				"/api/v1/analytics/products?from=" + TODAY + "&to=" + TODAY, HttpStatus.OK);
		assertThat(products.at("/data/byRevenue/0/sku").asText()).isEqualTo("COFFEE");
		assertThat(products.at("/data/byRevenue/0/revenueMinor").asLong()).isEqualTo(2 * 300 + 5 * 400);
		assertThat(products.at("/data/byQuantity/0/quantity").asLong()).isEqualTo(7);

		JsonNode own = this.till.get(cashier, uri, HttpStatus.OK);
		assertThat(own.at("/data/purchases").asLong()).as("the cashier's own store only").isEqualTo(2);
		assertThat(this.till.get(cashier, uri + "&store=" + south, HttpStatus.FORBIDDEN).get("detail").asText())
			.contains("own store");
	}

	@Test
	void should_answer_csv_when_asked_by_accept_or_format() {
		String store = this.till.openStore();
		String cashier = this.till.staff("CASHIER", store);
		String card = this.till.enrol(cashier, "Csv Shopper").get("cardCode").asText();
		buy(cashier, card, store, "C-1", 1234, "=CMD", 1, 1234);

		String byAccept = this.http.get()
			.uri("/api/v1/analytics/products?from=" + TODAY + "&to=" + TODAY)
			.headers((headers) -> headers.setBearerAuth(this.till.adminToken()))
			.accept(MediaType.parseMediaType("text/csv"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectHeader()
			.value(HttpHeaders.CONTENT_DISPOSITION, (value) -> assertThat(value).startsWith("attachment"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(byAccept).startsWith("list,rank,sku,name,category,quantity,revenue_minor\r\n")
			.contains("product_by_revenue,1,'=CMD,");

		String byFormat = this.http.get()
			.uri("/api/v1/analytics/sales?format=csv&from=" + TODAY + "&to=" + TODAY)
			.headers((headers) -> headers.setBearerAuth(this.till.adminToken()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(byFormat).contains("total,,,1,1234,0,0,1234,1234\r\n");
	}

	@Test
	void should_answer_400_naming_the_parameter_when_it_is_wrong() {
		String admin = this.till.adminToken();
		assertThat(problemField(admin, "/api/v1/analytics/sales?from=yesterday")).isEqualTo("from");
		assertThat(problemField(admin, "/api/v1/analytics/sales?zone=Mars/Olympus")).isEqualTo("zone");
		assertThat(problemField(admin, "/api/v1/analytics/sales?grain=month")).isEqualTo("grain");
		assertThat(problemField(admin, "/api/v1/analytics/sales?format=xml")).isEqualTo("format");
		assertThat(problemField(admin, "/api/v1/analytics/sales?from=2026-02-01&to=2026-01-01")).isEqualTo("to");
		assertThat(problemField(admin, "/api/v1/analytics/sales?from=2025-01-01&to=2026-01-31")).isEqualTo("to");
		assertThat(problemField(admin, "/api/v1/analytics/points?store=NOWHERE")).isEqualTo("store");
		this.till.get(admin, "/api/v1/analytics/weather", HttpStatus.NOT_FOUND);
	}

	private String problemField(String token, String uri) {
		JsonNode problem = this.till.get(token, uri, HttpStatus.BAD_REQUEST);
		return problem.at("/errors/0/field").asText();
	}

	private JsonNode buy(String token, String card, String store, String receipt, long amount, String sku, int quantity,
			long unitPrice) {
		return this.till.post(
				token, "/api/v1/purchases", Map.of("cardCode", card, "storeCode", store, "receiptNo", receipt,
						"amountMinor", amount, "currency", "EUR", "items", List.of(Map.of("sku", sku, "name", sku,
								"category", "drinks", "quantity", quantity, "unitPriceMinor", unitPrice))),
				HttpStatus.CREATED);
	}

}
