package dev.punchcard.app.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real parallel requests against the real database: exactly-once credits, no overdraft,
 * no overselling.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class ConcurrencyIT extends ApiIT {

	private static final int REQUESTS = 50;

	private String store;

	private String cashier;

	private JsonNode customer;

	private WebClient client;

	@BeforeEach
	void givenAStoreACashierAndACustomer() {
		this.store = this.till.openStore();
		this.cashier = this.till.staff("CASHIER", this.store);
		this.customer = this.till.enrol(this.cashier, "Concurrent Carla");
		this.client = WebClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeaders((headers) -> headers.setBearerAuth(this.cashier))
			.build();
	}

	@Test
	void should_credit_exactly_once_when_50_identical_purchases_arrive_at_once() {
		Map<String, Object> body = Map.of("cardCode", this.customer.get("cardCode").asText(), "storeCode", this.store,
				"receiptNo", "R-SAME", "amountMinor", 42_00, "currency", "EUR");

		List<HttpStatus> statuses = fire("/api/v1/purchases", body);

		assertThat(statuses).filteredOn(HttpStatus.CREATED::equals).hasSize(1);
		assertThat(statuses).filteredOn(HttpStatus.OK::equals).hasSize(REQUESTS - 1);
		assertThat(scalar("SELECT count(*) FROM purchases")).isEqualTo(1);
		assertThat(scalar("SELECT count(*) FROM points_ledger_entries")).isEqualTo(1);
		assertThat(scalar("SELECT balance FROM points_balances")).isEqualTo(42);
		assertThat(ledgerMismatches()).isZero();
	}

	@Test
	void should_credit_every_purchase_and_reach_the_tier_of_their_sum_when_50_receipts_of_one_customer_race() {
		// 50 x 45.00 = 2,250.00 net spend: Silver from 500.00, Gold from 2,000.00
		String card = this.customer.get("cardCode").asText();

		List<HttpStatus> statuses = Flux.range(0, REQUESTS)
			.flatMap((i) -> status("/api/v1/purchases",
					Map.of("cardCode", card, "storeCode", this.store, "receiptNo", "R-" + i, "amountMinor", 45_00,
							"currency", "EUR")),
					REQUESTS)
			.collectList()
			.block(Duration.ofSeconds(60));

		assertThat(statuses).containsOnly(HttpStatus.CREATED).hasSize(REQUESTS);
		assertThat(scalar("SELECT count(*) FROM purchases")).isEqualTo(REQUESTS);
		assertThat(scalar("SELECT sum(amount_minor) FROM purchases")).isEqualTo(REQUESTS * 45_00L);
		// each purchase earned at the tier it was recorded in, and the balance is their
		// sum
		assertThat(scalar("SELECT balance FROM points_balances"))
			.isEqualTo(scalar("SELECT sum(points_earned) FROM purchases"));
		assertThat(this.db.sql("SELECT tier FROM customers").map((row) -> row.get(0, String.class)).one().block())
			.isEqualTo("GOLD");
		assertThat(this.db.sql("SELECT string_agg(to_tier, ',' ORDER BY net_spend_minor) FROM tier_changes")
			.map((row) -> row.get(0, String.class))
			.one()
			.block()).isEqualTo("SILVER,GOLD");
		// the balance after each purchase, in the order they were written, adds up
		// without a gap
		assertThat(scalar("""
				SELECT count(*) FROM (SELECT balance_after - points_earned
				       - lag(balance_after, 1, 0::bigint) OVER (ORDER BY balance_after) AS gap FROM purchases) g
				WHERE gap <> 0
				""")).isZero();
		// and each earned at the tier the one before it left: no purchase saw a stale net
		// spend
		assertThat(scalar("""
				SELECT count(*) FROM (SELECT tier_at_purchase,
				       lag(tier_after, 1, 'BRONZE') OVER (ORDER BY balance_after) AS tier_before FROM purchases) t
				WHERE tier_at_purchase <> tier_before
				""")).isZero();
		assertThat(ledgerMismatches()).isZero();
	}

	@Test
	void should_issue_exactly_ten_vouchers_when_50_redemptions_race_for_a_balance_of_ten() {
		this.till.purchase(this.cashier, this.customer.get("cardCode").asText(), this.store, "R-1", 100_00,
				HttpStatus.CREATED);
		String reward = this.till.reward("Cookie", 10, null).get("id").asText();

		List<HttpStatus> statuses = fire(
				"/api/v1/customers/" + this.customer.get("customerId").asText() + "/redemptions",
				Map.of("rewardId", reward));

		assertThat(statuses).filteredOn(HttpStatus.CREATED::equals).hasSize(10);
		assertThat(statuses).filteredOn(HttpStatus.UNPROCESSABLE_ENTITY::equals).hasSize(REQUESTS - 10);
		assertThat(scalar("SELECT count(*) FROM vouchers")).isEqualTo(10);
		assertThat(scalar("SELECT balance FROM points_balances")).isZero();
		assertThat(ledgerMismatches()).isZero();
	}

	@Test
	void should_never_oversell_when_50_customers_race_for_a_stock_of_three() {
		String reward = this.till.reward("Umbrella", 5, 3).get("id").asText();
		List<String> customers = Flux.range(0, REQUESTS).map((i) -> {
			JsonNode enrolled = this.till.enrol(this.cashier, "Shopper " + i);
			this.till.purchase(this.cashier, enrolled.get("cardCode").asText(), this.store, "R-" + i, 5_00,
					HttpStatus.CREATED);
			return enrolled.get("customerId").asText();
		}).collectList().block();

		List<HttpStatus> statuses = Flux.fromIterable(customers)
			.flatMap((id) -> status("/api/v1/customers/" + id + "/redemptions", Map.of("rewardId", reward)), REQUESTS)
			.collectList()
			.block(Duration.ofSeconds(60));

		assertThat(statuses).filteredOn(HttpStatus.CREATED::equals).hasSize(3);
		assertThat(scalar("SELECT stock FROM rewards")).isZero();
		assertThat(scalar("SELECT count(*) FROM vouchers")).isEqualTo(3);
		assertThat(ledgerMismatches()).isZero();
	}

	private List<HttpStatus> fire(String uri, Object body) {
		return Flux.range(0, REQUESTS)
			.flatMap((i) -> status(uri, body), REQUESTS)
			.collectList()
			.block(Duration.ofSeconds(60));
	}

	private Mono<HttpStatus> status(String uri, Object body) {
		return this.client.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchangeToMono((response) -> response.toBodilessEntity())
			.map(ResponseEntity::getStatusCode)
			.map((code) -> HttpStatus.valueOf(code.value()));
	}

	private long scalar(String sql) {
		Number value = this.db.sql(sql).map((row) -> (Number) row.get(0)).one().block();
		return value == null ? 0 : value.longValue();
	}

}
