package dev.punchcard.app.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The segment endpoints end to end: previews, validation, saved segments, audit and
 * scores.
 */
class SegmentApiIT extends ApiIT {

	private String store;

	private String cashier;

	private String marketer;

	private String buyerId;

	@BeforeEach
	void threeMembers() {
		this.store = this.till.openStore();
		this.cashier = this.till.staff("CASHIER", this.store);
		this.marketer = this.till.staff("MARKETER", null);
		JsonNode buyer = this.till.enrol(this.cashier, "Buyer");
		this.buyerId = buyer.get("customerId").asText();
		this.till.enrol(this.cashier, "Browser One");
		this.till.enrol(this.cashier, "Browser Two");
		this.till.purchase(this.cashier, buyer.get("cardCode").asText(), this.store, "R-1", 1500, HttpStatus.CREATED);
	}

	@Test
	void should_preview_the_count_and_a_sample_without_saving_anything() {
		JsonNode all = preview(Map.of("tiers", List.of("BRONZE")), HttpStatus.OK);
		JsonNode never = preview(Map.of("neverPurchased", true), HttpStatus.OK);

		assertThat(all.get("count").asLong()).isEqualTo(3);
		assertThat(all.get("sample")).hasSize(3);
		assertThat(all.get("sample").get(0).has("id")).isTrue();
		assertThat(all.get("sample").get(0).get("tier").asText()).isEqualTo("BRONZE");
		assertThat(all.get("sample").get(0).get("channels").isArray()).isTrue();
		assertThat(never.get("count").asLong()).isEqualTo(2);
		assertThat(never.get("sample")).extracting((member) -> member.get("name").asText())
			.containsExactlyInAnyOrder("Browser One", "Browser Two");
		assertThat(rows("SELECT count(*) FROM segments")).isZero();
		assertThat(rows("SELECT count(*) FROM audit_log")).isZero();
	}

	@Test
	void should_answer_400_naming_the_field_when_a_filter_or_name_is_wrong() {
		assertBadRequest(Map.of("filter", Map.of("colour", "red")), "filter.colour");
		assertBadRequest(Map.of("filter", Map.of("lastPurchase", Map.of("moreThanDays", -3))),
				"filter.lastPurchase.moreThanDays");
		assertBadRequest(Map.of("filter", Map.of("pointsBalance", Map.of("min", 10, "max", 1))),
				"filter.pointsBalance");
		assertBadRequest(Map.of("filter", Map.of("tiers", List.of("PLATINUM"))), "filter.tiers");
		assertBadRequest(Map.of("filter", Map.of("reachableOn", "SMS")), "filter.reachableOn");
		assertBadRequest(Map.of("filter", Map.of("languages", List.of("xx"))), "filter.languages");
		assertBadRequest(Map.of("filter", Map.of("rfmClasses", List.of("WHALES"))), "filter.rfmClasses");
		assertBadRequest(Map.of("filter", Map.of("homeStoreIds", List.of(UUID.randomUUID().toString()))),
				"filter.homeStoreIds");
		assertBadRequest(Map.of("filter", Map.of("favouriteCategory", "tea\u0007")), "filter.favouriteCategory");
		assertBadRequest(Map.of("filter", Map.of(), "extra", 1), "extra");
		JsonNode create = this.till.post(this.marketer, "/api/v1/segments", Map.of("name", " ", "filter", Map.of()),
				HttpStatus.BAD_REQUEST);
		assertThat(create.get("detail").asText()).startsWith("name:");
		JsonNode control = this.till.post(this.marketer, "/api/v1/segments",
				Map.of("name", "Gold\u0000", "filter", Map.of("tiers", List.of("GOLD", "TIN"))),
				HttpStatus.BAD_REQUEST);
		assertThat(control.get("errors")).extracting((error) -> error.get("field").asText())
			.containsExactly("filter.tiers", "name");
		assertThat(rows("SELECT count(*) FROM segments")).isZero();
	}

	@Test
	void should_save_show_list_rename_and_delete_a_segment_with_its_count_and_an_audit_row_each() {
		JsonNode created = this.till.post(this.marketer, "/api/v1/segments",
				Map.of("name", "Never bought", "filter", Map.of("neverPurchased", true)), HttpStatus.CREATED);
		String id = created.get("id").asText();
		assertThat(created.get("count").asLong()).isEqualTo(2);
		assertThat(created.get("filter").get("neverPurchased").asBoolean()).isTrue();

		this.till.enrol(this.cashier, "Newcomer");
		assertThat(this.till.get(this.marketer, "/api/v1/segments/" + id, HttpStatus.OK).get("count").asLong())
			.as("counted when shown, not when saved")
			.isEqualTo(3);
		JsonNode renamed = exchange(HttpMethod.PUT, "/api/v1/segments/" + id, Map.of("name", "Window shoppers"),
				HttpStatus.OK);
		assertThat(renamed.get("name").asText()).isEqualTo("Window shoppers");
		assertThat(renamed.get("filter").get("neverPurchased").asBoolean()).isTrue();
		JsonNode list = this.till.get(this.till.adminToken(), "/api/v1/segments", HttpStatus.OK);
		assertThat(list).extracting((segment) -> segment.get("name").asText()).containsExactly("Window shoppers");
		assertThat(list.get(0).get("count").asLong()).isEqualTo(3);

		this.http.delete()
			.uri("/api/v1/segments/" + id)
			.headers((headers) -> headers.setBearerAuth(this.marketer))
			.exchange()
			.expectStatus()
			.isNoContent();
		this.till.get(this.marketer, "/api/v1/segments/" + id, HttpStatus.NOT_FOUND);
		assertThat(this.db
			.sql("SELECT a.action || ' ' || s.username FROM audit_log a JOIN staff s ON s.id = a.actor_id"
					+ " WHERE a.entity_id = :id ORDER BY a.at, a.action")
			.bind("id", id)
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block()).extracting((line) -> line.substring(0, line.indexOf(' ')))
			.containsExactly("segment.created", "segment.updated", "segment.deleted");
	}

	@Test
	void should_page_the_list_by_name_and_answer_the_shared_paging_problem_when_paging_is_out_of_range() {
		for (String name : List.of("Charlie", "alpha", "Bravo")) {
			this.till.post(this.marketer, "/api/v1/segments", Map.of("name", name, "filter", Map.of()),
					HttpStatus.CREATED);
		}

		assertThat(this.till.get(this.marketer, "/api/v1/segments?page=0&size=2", HttpStatus.OK))
			.extracting((segment) -> segment.get("name").asText())
			.containsExactly("alpha", "Bravo");
		assertThat(this.till.get(this.marketer, "/api/v1/segments?page=1&size=2", HttpStatus.OK))
			.extracting((segment) -> segment.get("name").asText())
			.containsExactly("Charlie");
		assertThat(this.till.get(this.marketer, "/api/v1/segments", HttpStatus.OK)).hasSize(3);
		for (String paging : List.of("size=0", "size=101", "page=-1", "page=1000001")) {
			JsonNode problem = this.till.get(this.marketer, "/api/v1/segments?" + paging, HttpStatus.BAD_REQUEST);
			assertThat(problem.get("detail").asText()).isEqualTo("page must be 0 to 1000000 and size 1 to 100.");
		}
		assertThat(this.till.get(this.marketer, "/api/v1/broadcasts?size=0", HttpStatus.BAD_REQUEST).get("detail"))
			.as("the same problem on every paged list")
			.isEqualTo(this.till.get(this.marketer, "/api/v1/segments?size=0", HttpStatus.BAD_REQUEST).get("detail"));
	}

	@Test
	void should_answer_409_when_the_name_is_taken_in_any_case_and_404_for_an_unknown_segment() {
		this.till.post(this.marketer, "/api/v1/segments", Map.of("name", "Gold", "filter", Map.of()),
				HttpStatus.CREATED);
		JsonNode other = this.till.post(this.marketer, "/api/v1/segments", Map.of("name", "Silver", "filter", Map.of()),
				HttpStatus.CREATED);

		this.till.post(this.till.adminToken(), "/api/v1/segments", Map.of("name", "GOLD", "filter", Map.of()),
				HttpStatus.CONFLICT);
		exchange(HttpMethod.PUT, "/api/v1/segments/" + other.get("id").asText(), Map.of("name", "gold"),
				HttpStatus.CONFLICT);
		exchange(HttpMethod.PUT, "/api/v1/segments/" + UUID.randomUUID(), Map.of("name", "Bronze"),
				HttpStatus.NOT_FOUND);
		this.till.get(this.marketer, "/api/v1/segments/not-a-uuid", HttpStatus.BAD_REQUEST);
	}

	@Test
	void should_show_rfm_class_and_churn_risk_on_the_customer_view_after_a_recompute() {
		JsonNode before = this.till.get(this.marketer, "/api/v1/customers/" + this.buyerId, HttpStatus.OK);
		assertThat(before.get("rfmClass").isNull()).isTrue();
		assertThat(before.get("churnRisk").isNull()).isTrue();

		JsonNode run = this.till.post(this.marketer, "/api/v1/segments/scores:recompute", Map.of(), HttpStatus.OK);

		assertThat(run.get("outcome").asText()).isEqualTo("RECOMPUTED");
		assertThat(run.get("scored").asLong()).isEqualTo(1);
		JsonNode after = this.till.get(this.marketer, "/api/v1/customers/" + this.buyerId, HttpStatus.OK);
		assertThat(after.get("rfmClass").asText()).as("the only buyer: quintiles 1 and 1").isEqualTo("HIBERNATING");
		assertThat(after.get("churnRisk").asText()).isEqualTo("LOW");
		assertThat(preview(Map.of("rfmClasses", List.of("HIBERNATING")), HttpStatus.OK).get("count").asLong())
			.isEqualTo(1);
		assertThat(rows("SELECT count(*) FROM audit_log WHERE action = 'scores.recomputed' AND actor_id IS NOT NULL"))
			.isEqualTo(1);
	}

	private JsonNode preview(Map<String, ?> filter, HttpStatus expected) {
		return this.till.post(this.marketer, "/api/v1/segments/preview", Map.of("filter", filter), expected);
	}

	private void assertBadRequest(Map<String, ?> body, String field) {
		JsonNode problem = this.http.post()
			.uri("/api/v1/segments/preview")
			.headers((headers) -> headers.setBearerAuth(this.marketer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(problem.get("detail").asText()).as(body.toString()).startsWith(field + ":");
		assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
	}

	private JsonNode exchange(HttpMethod method, String uri, Object body, HttpStatus expected) {
		return this.http.method(method)
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(this.marketer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(expected)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private long rows(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block();
	}

}
