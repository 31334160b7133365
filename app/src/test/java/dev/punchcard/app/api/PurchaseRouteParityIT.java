package dev.punchcard.app.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PurchaseRoute} answers {@code POST /api/v1/purchases} ahead of WebFlux; these
 * tests send the same requests to it (through the running server) and to WebFlux with its
 * whole filter chain (bound to the application context, which no Netty route sees), and
 * require the same status, headers and body for each: tokens, roles, media types, broken
 * and invalid bodies, every outcome of the use case. The two sides record for two members
 * of the same store, so their balances run alike.
 */
class PurchaseRouteParityIT extends ApiIT {

	private static final String ROUTE = "route-";

	private static final String WEBFLUX = "webflux-";

	@Autowired
	private ApplicationContext context;

	private WebTestClient webflux;

	private String cashier;

	private String marketer;

	private String otherCashier;

	private String store;

	private String routeCard;

	private String webfluxCard;

	private String routeMember;

	private String webfluxMember;

	@BeforeEach
	void twoMembers() {
		this.webflux = WebTestClient.bindToApplicationContext(this.context).build();
		this.store = this.till.openStore();
		this.cashier = this.till.staff("CASHIER", this.store);
		this.marketer = this.till.staff("MARKETER", null);
		this.otherCashier = this.till.staff("CASHIER", this.till.openStore());
		JsonNode route = this.till.enrol(this.cashier, "Route Member");
		JsonNode webflux = this.till.enrol(this.cashier, "WebFlux Member");
		this.routeCard = route.get("cardCode").asText();
		this.routeMember = route.get("customerId").asText();
		this.webfluxCard = webflux.get("cardCode").asText();
		this.webfluxMember = webflux.get("customerId").asText();
	}

	@Test
	void should_answer_every_request_as_webflux_and_its_security_chain_do() {
		List<Case> cases = new ArrayList<>();
		cases.add(Case.json("recorded", this.cashier, (side) -> purchase(side, "R-1", 1250, "EUR")));
		cases.add(Case.json("already recorded", this.cashier, (side) -> purchase(side, "R-1", 1250, "EUR")));
		cases.add(Case.json("receipt conflict", this.cashier, (side) -> purchase(side, "R-1", 999, "EUR")));
		cases.add(
				Case.json("by the administrator", this.till.adminToken(), (side) -> purchase(side, "R-2", 300, "EUR")));
		cases.add(Case.json("with line items", this.cashier, (side) -> "{\"cardCode\":\"" + side.card()
				+ "\",\"storeCode\":\"" + this.store + "\",\"receiptNo\":\"" + side.receiptPrefix()
				+ "R-3\",\"amountMinor\":700,\"currency\":\"EUR\","
				+ "\"items\":[{\"sku\":\"A-1\",\"name\":\"Tea\",\"category\":\"Drinks\",\"quantity\":2,\"unitPriceMinor\":350}]}"));
		cases.add(Case.json("an extra field", this.cashier,
				(side) -> purchase(side, "R-4", 100, "EUR").replace("{", "{\"foo\":[1,{}],")));
		cases.add(Case.json("a duplicated key", this.cashier,
				(side) -> purchase(side, "R-5", 100, "EUR").replace("{", "{\"receiptNo\":\"X\",")));
		cases.add(Case.json("an amount as a string", this.cashier,
				(side) -> purchase(side, "R-6", 100, "EUR").replace("\"amountMinor\":100", "\"amountMinor\":\"100\"")));
		cases.add(Case.json("another store's cashier", this.otherCashier, (side) -> purchase(side, "R-7", 100, "EUR")));
		cases.add(Case.json("a marketer", this.marketer, (side) -> purchase(side, "R-8", 100, "EUR")));
		cases.add(Case.json("an unknown card", this.cashier,
				(side) -> purchase(new Side("NOSUCHCARD", side.receiptPrefix()), "R-9", 100, "EUR")));
		cases.add(Case.json("a currency that is no code", this.cashier, (side) -> purchase(side, "R-10", 100, "XYZ")));
		cases.add(Case.json("another currency", this.cashier, (side) -> purchase(side, "R-11", 100, "USD")));
		cases.add(Case.json("an unknown store", this.cashier,
				(side) -> purchase(side, "R-12", 100, "EUR").replace(this.store, "NOPE")));
		cases.add(Case.json("nothing", this.cashier, (side) -> ""));
		cases.add(Case.json("null", this.cashier, (side) -> "null"));
		cases.add(Case.json("an array", this.cashier, (side) -> "[]"));
		cases.add(Case.json("cut short", this.cashier, (side) -> "{\"cardCode\":"));
		cases.add(Case.json("no fields", this.cashier, (side) -> "{}"));
		cases.add(Case.json("every field wrong", this.cashier, (
				card) -> "{\"cardCode\":\"\",\"storeCode\":\"S 1\",\"receiptNo\":\"a b\",\"amountMinor\":-1,\"currency\":\"eur\"}"));
		cases.add(Case.json("a NUL in the card code", this.cashier,
				(side) -> purchase(new Side("a\\u0000b", side.receiptPrefix()), "R-13", 100, "EUR")));
		cases.add(Case.json("an overflowing amount", this.cashier,
				(side) -> purchase(side, "R-14", 1, "EUR").replace("\"amountMinor\":1", "\"amountMinor\":1e400")));
		cases.add(Case.json("a fractional amount", this.cashier,
				(side) -> purchase(side, "R-15", 1, "EUR").replace("\"amountMinor\":1", "\"amountMinor\":1.5")));
		cases.add(Case.json("an amount too large", this.cashier,
				(side) -> purchase(side, "R-16", 1_000_000_000_001L, "EUR")));
		cases.add(Case.json("a null item and a bad one", this.cashier, (side) -> purchase(side, "R-17", 100, "EUR")
			.replace("}", ",\"items\":[null,{\"sku\":\"\",\"quantity\":0,\"unitPriceMinor\":-1}]}")));
		cases.add(Case.json("a body over the limit", this.cashier,
				(side) -> "{\"cardCode\":\"" + "x".repeat(300_000) + "\"}"));
		cases.add(new Case("no token", null, "application/json", null, HttpMethod.POST, PurchaseRoute.PATH,
				(side) -> purchase(side, "R-18", 100, "EUR")));
		cases.add(new Case("a forged token", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
				"application/json", null, HttpMethod.POST, PurchaseRoute.PATH,
				(side) -> purchase(side, "R-19", 100, "EUR")));
		cases.add(new Case("a malformed bearer", "Bearer ###", "application/json", null, HttpMethod.POST,
				PurchaseRoute.PATH, (side) -> purchase(side, "R-20", 100, "EUR")));
		cases.add(new Case("basic authentication", "Basic YTpi", "application/json", null, HttpMethod.POST,
				PurchaseRoute.PATH, (side) -> purchase(side, "R-21", 100, "EUR")));
		cases.add(new Case("text", "Bearer " + this.cashier, "text/plain", null, HttpMethod.POST, PurchaseRoute.PATH,
				(side) -> purchase(side, "R-22", 100, "EUR")));
		cases.add(new Case("JSON with a charset", "Bearer " + this.cashier, "application/json;charset=UTF-8", null,
				HttpMethod.POST, PurchaseRoute.PATH, (side) -> purchase(side, "R-23", 100, "EUR")));
		cases.add(new Case("problem+json accepted", "Bearer " + this.cashier, "application/json",
				"application/problem+json", HttpMethod.POST, PurchaseRoute.PATH, (side) -> "{}"));
		cases.add(new Case("a query string", "Bearer " + this.cashier, "application/json", null, HttpMethod.POST,
				PurchaseRoute.PATH + "?x=1", (side) -> purchase(side, "R-24", 100, "EUR")));
		cases.add(new Case("a trailing slash", "Bearer " + this.cashier, "application/json", null, HttpMethod.POST,
				PurchaseRoute.PATH + "/", (side) -> purchase(side, "R-25", 100, "EUR")));
		cases.add(new Case("PUT", "Bearer " + this.cashier, "application/json", null, HttpMethod.PUT,
				PurchaseRoute.PATH, (side) -> purchase(side, "R-26", 100, "EUR")));

		for (Case request : cases) {
			Answer viaRoute = send(this.http, request, new Side(this.routeCard, ROUTE));
			Answer viaWebFlux = send(this.webflux, request, new Side(this.webfluxCard, WEBFLUX));
			assertThat(viaRoute).as(request.name()).isEqualTo(viaWebFlux);
		}
		assertThat(balanceOf(this.routeMember)).isPositive().isEqualTo(balanceOf(this.webfluxMember));
		assertThat(ledgerMismatches()).isZero();
	}

	@Test
	void should_refuse_a_client_that_accepts_no_json_before_recording_anything() {
		Answer answer = send(this.http,
				new Case("XML only", "Bearer " + this.cashier, "application/json", "application/xml", HttpMethod.POST,
						PurchaseRoute.PATH, (side) -> purchase(side, "XML-1", 100, "EUR")),
				new Side(this.routeCard, ""));

		assertThat(answer.status()).isEqualTo(406);
		assertThat(answer.body()).contains("Acceptable representations");
		assertThat(this.db.sql("SELECT count(*) FROM purchases WHERE receipt_no = 'XML-1'")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isZero();
	}

	@Test
	void should_time_the_purchases_it_answers_as_webflux_does() {
		this.till.purchase(this.cashier, this.routeCard, this.store, "T-1", 100, HttpStatus.CREATED);
		this.till.post(this.cashier, "/api/v1/purchases", Map.of(), HttpStatus.BAD_REQUEST);

		String metrics = this.http.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBearerAuth(this.till.adminToken()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(metrics).containsPattern(
				"http_server_requests_seconds_count\\{error=\"none\",exception=\"none\",method=\"POST\",outcome=\"SUCCESS\",status=\"201\",uri=\"/api/v1/purchases\"} [1-9]")
			.containsPattern(
					"http_server_requests_seconds_count\\{error=\"none\",exception=\"none\",method=\"POST\",outcome=\"CLIENT_ERROR\",status=\"400\",uri=\"/api/v1/purchases\"} [1-9]");
	}

	private long balanceOf(String customerId) {
		return this.till.get(this.cashier, "/api/v1/customers/" + customerId, HttpStatus.OK).get("balance").asLong();
	}

	private String purchase(Side side, String receipt, long amountMinor, String currency) {
		return "{\"cardCode\":\"" + side.card() + "\",\"storeCode\":\"" + this.store + "\",\"receiptNo\":\""
				+ side.receiptPrefix() + receipt + "\",\"amountMinor\":" + amountMinor + ",\"currency\":\"" + currency
				+ "\"}";
	}

	private static Answer send(WebTestClient client, Case request, Side side) {
		EntityExchangeResult<byte[]> result = client.method(request.method()).uri(request.path()).headers((headers) -> {
			if (request.authorization() != null) {
				headers.set(HttpHeaders.AUTHORIZATION, request.authorization());
			}
			if (request.accept() != null) {
				headers.set(HttpHeaders.ACCEPT, request.accept());
			}
			headers.set(HttpHeaders.CONTENT_TYPE, request.contentType());
		})
			.bodyValue(request.body().apply(side).getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectBody()
			.returnResult();
		Map<String, String> headers = new TreeMap<>();
		result.getResponseHeaders().forEach((name, values) -> {
			String lower = name.toLowerCase(java.util.Locale.ROOT);
			if (!lower.equals("date") && !lower.equals("content-length")) {
				headers.put(lower, normalised(String.join(",", values)));
			}
		});
		byte[] body = result.getResponseBody();
		return new Answer(result.getStatus().value(), headers,
				(body == null) ? "" : normalised(new String(body, StandardCharsets.UTF_8)));
	}

	/** Ids and receipt numbers differ between the two sides; everything else must not. */
	private static String normalised(String text) {
		return text.replace(ROUTE, "")
			.replace(WEBFLUX, "")
			.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
	}

	private record Case(String name, String authorization, String contentType, String accept, HttpMethod method,
			String path, Function<Side, String> body) {

		static Case json(String name, String token, Function<Side, String> body) {
			return new Case(name, "Bearer " + token, "application/json", null, HttpMethod.POST, PurchaseRoute.PATH,
					body);
		}

	}

	/** The member one side records for, and the prefix of its receipt numbers. */
	private record Side(String card, String receiptPrefix) {
	}

	private record Answer(int status, Map<String, String> headers, String body) {
	}

}
