package dev.punchcard.app.api;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

@TestMethodOrder(MethodOrderer.Random.class)
class LedgerIT extends ApiIT {

	@Test
	void should_adjust_once_per_key_and_never_below_zero() {
		String store = this.till.openStore();
		String cashier = this.till.staff("CASHIER", store);
		String customer = this.till.enrol(cashier, "Adjusted Adam").get("customerId").asText();
		String uri = "/api/v1/customers/" + customer + "/adjustments";

		JsonNode added = this.till.post(this.till.adminToken(), uri,
				Map.of("points", 50, "reason", "goodwill after a complaint", "adjustmentKey", "ticket-1"),
				HttpStatus.CREATED);
		this.till.post(this.till.adminToken(), uri,
				Map.of("points", 50, "reason", "goodwill after a complaint", "adjustmentKey", "ticket-1"),
				HttpStatus.CONFLICT);
		this.till.post(this.till.adminToken(), uri,
				Map.of("points", -51, "reason", "too much", "adjustmentKey", "ticket-2"),
				HttpStatus.UNPROCESSABLE_ENTITY);
		this.till.post(this.till.adminToken(), uri, Map.of("points", 5, "adjustmentKey", "ticket-3"),
				HttpStatus.BAD_REQUEST);

		assertThat(added.get("balance").asLong()).isEqualTo(50);
		JsonNode ledger = this.till.get(cashier, "/api/v1/customers/" + customer + "/ledger", HttpStatus.OK);
		assertThat(ledger.get("entries").get(0).get("kind").asText()).isEqualTo("ADJUST");
		assertThat(ledger.get("entries").get(0).get("createdBy").asText()).isEqualTo(ADMIN);
	}

	@Test
	void should_report_consistent_and_then_a_mismatch_when_a_balance_is_corrupted() {
		String store = this.till.openStore();
		String cashier = this.till.staff("CASHIER", store);
		JsonNode customer = this.till.enrol(cashier, "Checked Chloe");
		this.till.purchase(cashier, customer.get("cardCode").asText(), store, "R-1", 10_00, HttpStatus.CREATED);

		JsonNode clean = this.till.get(this.till.adminToken(), "/api/v1/ledger/check", HttpStatus.OK);
		this.db.sql("UPDATE points_balances SET balance = balance + 1").then().block();
		JsonNode corrupted = this.till.get(this.till.adminToken(), "/api/v1/ledger/check", HttpStatus.OK);

		assertThat(clean.get("consistent").asBoolean()).isTrue();
		assertThat(clean.get("balancesChecked").asLong()).isEqualTo(1);
		assertThat(corrupted.get("consistent").asBoolean()).isFalse();
		assertThat(corrupted.get("mismatches").get(0).get("balance").asLong()).isEqualTo(11);
		assertThat(corrupted.get("mismatches").get(0).get("ledgerSum").asLong()).isEqualTo(10);
	}

}
