package dev.punchcard.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

@TestMethodOrder(MethodOrderer.Random.class)
class PurchasesApiIT extends ApiIT {

	private String store;

	private String cashier;

	private JsonNode customer;

	@BeforeEach
	void givenAStoreACashierAndACustomer() {
		this.store = this.till.openStore();
		this.cashier = this.till.staff("CASHIER", this.store);
		this.customer = this.till.enrol(this.cashier, "Ada Lovelace");
	}

	@Test
	void should_credit_one_point_per_euro_rounded_down_when_a_purchase_is_recorded() {
		JsonNode receipt = this.till.purchase(this.cashier, cardCode(), this.store, "R-1", 12_99, HttpStatus.CREATED);

		assertThat(receipt.get("pointsEarned").asLong()).isEqualTo(12);
		assertThat(receipt.get("balance").asLong()).isEqualTo(12);
		assertThat(receipt.get("tier").asText()).isEqualTo("BRONZE");
		assertThat(receipt.get("customerId").asText()).isEqualTo(this.customer.get("customerId").asText());
		assertThat(count("SELECT count(*) FROM notification_outbox WHERE kind = 'PointsCredited'")).isEqualTo(1);
	}

	@Test
	void should_answer_the_original_result_and_credit_nothing_when_a_receipt_is_replayed() {
		JsonNode first = this.till.purchase(this.cashier, cardCode(), this.store, "R-42", 50_00, HttpStatus.CREATED);

		JsonNode replay = this.till.purchase(this.cashier, cardCode(), this.store, "R-42", 50_00, HttpStatus.OK);

		assertThat(replay).isEqualTo(first);
		assertThat(count("SELECT count(*) FROM points_ledger_entries")).isEqualTo(1);
		assertThat(count("SELECT balance FROM points_balances")).isEqualTo(50);
		assertThat(count("SELECT count(*) FROM notification_outbox")).isEqualTo(1);
	}

	@Test
	void should_answer_409_and_change_nothing_when_a_receipt_comes_back_with_another_amount_or_customer() {
		this.till.purchase(this.cashier, cardCode(), this.store, "R-7", 10_00, HttpStatus.CREATED);
		String otherCard = this.till.enrol(this.cashier, "Grace Hopper").get("cardCode").asText();

		this.till.purchase(this.cashier, cardCode(), this.store, "R-7", 11_00, HttpStatus.CONFLICT);
		this.till.purchase(this.cashier, otherCard, this.store, "R-7", 10_00, HttpStatus.CONFLICT);

		assertThat(count("SELECT count(*) FROM purchases")).isEqualTo(1);
		assertThat(count("SELECT SUM(balance)::bigint FROM points_balances")).isEqualTo(10);
	}

	@Test
	void should_reject_the_card_when_its_code_is_tampered_or_truncated() {
		String code = cardCode();
		String tampered = code.substring(0, 10) + (code.charAt(10) == 'A' ? 'B' : 'A') + code.substring(11);

		for (String bad : new String[] { tampered, code.substring(0, code.length() - 1), "", "not-a-card" }) {
			if (!bad.isEmpty()) {
				JsonNode problem = this.till.purchase(this.cashier, bad, this.store, "R-" + bad.length(), 10_00,
						HttpStatus.UNPROCESSABLE_ENTITY);
				assertThat(problem.get("title").asText()).isEqualTo("Unknown card");
			}
		}
		this.till.get(this.cashier, "/api/v1/cards/" + tampered, HttpStatus.NOT_FOUND);
		assertThat(count("SELECT count(*) FROM purchases")).isZero();
	}

	@Test
	void should_show_the_holder_when_a_valid_card_is_scanned() {
		this.till.purchase(this.cashier, cardCode(), this.store, "R-1", 20_00, HttpStatus.CREATED);

		JsonNode holder = this.till.get(this.cashier, "/api/v1/cards/" + this.customer.get("cardCodeGrouped").asText(),
				HttpStatus.OK);

		assertThat(holder.get("name").asText()).isEqualTo("Ada Lovelace");
		assertThat(holder.get("balance").asLong()).isEqualTo(20);
		assertThat(holder.get("tier").asText()).isEqualTo("BRONZE");
	}

	@Test
	void should_refuse_the_old_card_when_the_card_is_reissued_and_keep_the_points() {
		this.till.purchase(this.cashier, cardCode(), this.store, "R-1", 30_00, HttpStatus.CREATED);
		String id = this.customer.get("customerId").asText();

		JsonNode reissued = this.till.post(this.till.adminToken(), "/api/v1/customers/" + id + "/card/reissue",
				java.util.Map.of(), HttpStatus.OK);

		this.till.get(this.cashier, "/api/v1/cards/" + cardCode(), HttpStatus.NOT_FOUND);
		JsonNode holder = this.till.get(this.cashier, "/api/v1/cards/" + reissued.get("cardCode").asText(),
				HttpStatus.OK);
		assertThat(holder.get("balance").asLong()).isEqualTo(30);
	}

	@Test
	void should_refuse_when_a_cashier_records_at_another_store() {
		String elsewhere = this.till.openStore();

		this.till.purchase(this.cashier, cardCode(), elsewhere, "R-1", 10_00, HttpStatus.FORBIDDEN);

		assertThat(count("SELECT count(*) FROM purchases")).isZero();
	}

	@Test
	void should_reverse_points_in_proportion_when_a_purchase_is_refunded_in_parts() {
		JsonNode purchase = this.till.purchase(this.cashier, cardCode(), this.store, "R-1", 100_00, HttpStatus.CREATED);
		String id = purchase.get("purchaseId").asText();

		JsonNode first = this.till.refund(this.cashier, id, "F-1", 25_00, HttpStatus.CREATED);
		JsonNode replay = this.till.refund(this.cashier, id, "F-1", 25_00, HttpStatus.OK);
		this.till.refund(this.cashier, id, "F-1", 30_00, HttpStatus.CONFLICT);
		JsonNode second = this.till.refund(this.cashier, id, "F-2", 75_00, HttpStatus.CREATED);
		this.till.refund(this.cashier, id, "F-3", 1, HttpStatus.UNPROCESSABLE_ENTITY);

		assertThat(first.get("pointsReversed").asLong()).isEqualTo(25);
		assertThat(first.get("balance").asLong()).isEqualTo(75);
		assertThat(replay).isEqualTo(first);
		assertThat(second.get("pointsReversed").asLong()).isEqualTo(75);
		assertThat(second.get("balance").asLong()).isZero();
		assertThat(count("SELECT SUM(points_reversed)::bigint FROM refunds")).isEqualTo(100);
		assertThat(ledgerMismatches()).isZero();
	}

	@Test
	void should_never_reverse_more_than_the_balance_when_points_were_already_spent() {
		JsonNode purchase = this.till.purchase(this.cashier, cardCode(), this.store, "R-1", 100_00, HttpStatus.CREATED);
		String rewardId = this.till.reward("Coffee", 80, null).get("id").asText();
		this.till.post(this.cashier, "/api/v1/customers/" + customerId() + "/redemptions",
				java.util.Map.of("rewardId", rewardId), HttpStatus.CREATED);

		JsonNode refund = this.till.refund(this.cashier, purchase.get("purchaseId").asText(), "F-1", 100_00,
				HttpStatus.CREATED);

		assertThat(refund.get("pointsReversed").asLong()).isEqualTo(20);
		assertThat(refund.get("balance").asLong()).isZero();
		assertThat(ledgerMismatches()).isZero();
	}

	@Test
	void should_move_the_tier_up_on_purchases_and_down_on_refunds() {
		JsonNode big = this.till.purchase(this.cashier, cardCode(), this.store, "R-1", 600_00, HttpStatus.CREATED);
		assertThat(big.get("pointsEarned").asLong()).as("earned at the tier before the purchase").isEqualTo(600);
		assertThat(big.get("tier").asText()).isEqualTo("SILVER");

		JsonNode next = this.till.purchase(this.cashier, cardCode(), this.store, "R-2", 100_00, HttpStatus.CREATED);
		assertThat(next.get("pointsEarned").asLong()).as("SILVER multiplies by 1.25").isEqualTo(125);

		JsonNode refund = this.till.refund(this.cashier, big.get("purchaseId").asText(), "F-1", 300_00,
				HttpStatus.CREATED);
		assertThat(refund.get("tier").asText()).as("net spend 400 EUR is below SILVER").isEqualTo("BRONZE");
		assertThat(count("SELECT count(*) FROM tier_changes")).isEqualTo(2);
		assertThat(this.till.get(this.cashier, "/api/v1/customers/" + customerId(), HttpStatus.OK).get("tier").asText())
			.isEqualTo("BRONZE");
	}

	@Test
	void should_page_the_ledger_when_a_customer_has_many_entries() {
		for (int i = 0; i < 5; i++) {
			this.till.purchase(this.cashier, cardCode(), this.store, "R-" + i, 1_00 * (i + 1), HttpStatus.CREATED);
		}

		JsonNode page = this.till.get(this.cashier, "/api/v1/customers/" + customerId() + "/ledger?page=1&size=2",
				HttpStatus.OK);

		assertThat(page.get("totalEntries").asLong()).isEqualTo(5);
		assertThat(page.get("entries")).hasSize(2);
		assertThat(page.get("balance").asLong()).isEqualTo(15);
		this.till.get(this.cashier, "/api/v1/customers/" + customerId() + "/ledger?size=0", HttpStatus.BAD_REQUEST);
		this.till.get(this.cashier, "/api/v1/customers/" + customerId() + "/ledger?page=-1", HttpStatus.BAD_REQUEST);
	}

	private String cardCode() {
		return this.customer.get("cardCode").asText();
	}

	private String customerId() {
		return this.customer.get("customerId").asText();
	}

	private long count(String sql) {
		Long value = this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block();
		return value == null ? 0 : value;
	}

}
