package dev.punchcard.app.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV imports end to end: members and purchases files with good and bad lines, twice,
 * credited and historical, overlapping with live purchases; progress while running, an
 * interrupted import, the rejections CSV; and the purchases batch endpoint.
 */
@TestPropertySource(properties = { "punchcard.imports.directory=target/imports-it", "punchcard.imports.chunk-size=100",
		"punchcard.imports.stale-after=30s", "punchcard.imports.watch-every=300ms" })
@TestMethodOrder(MethodOrderer.Random.class)
class ImportApiIT extends ApiIT {

	private String store;

	@BeforeEach
	void openStore() {
		this.store = this.till.openStore();
	}

	@Test
	void should_import_good_member_lines_and_reject_bad_ones_with_line_and_reason_and_change_nothing_the_second_time() {
		String file = members();

		JsonNode first = finished(upload("/api/v1/imports/members", file));
		JsonNode second = finished(upload("/api/v1/imports/members", file));

		assertThat(first.get("state").asText()).isEqualTo("COMPLETED");
		assertThat(first.get("rowsRead").asLong()).isEqualTo(12);
		assertThat(first.get("accepted").asLong()).isEqualTo(3);
		assertThat(first.get("unchanged").asLong()).isZero();
		assertThat(first.get("rejected").asLong()).isEqualTo(9);
		assertThat(first.get("percent").asDouble()).isEqualTo(100.0);
		assertThat(rejections(first)).containsExactly("4: bad phone: not a phone number", "5: missing external_id",
				"6: unknown store NOPE", "7: duplicate within the file: external_id as on line 2",
				"8: name contains control characters", "9: duplicate within the file: phone as on line 2",
				"10: language must be a language tag like en or pt-BR", "11: bad consent 'maybe': must be yes or no",
				"12: has 2 fields, the header has 6");
		assertThat(second.get("accepted").asLong()).isEqualTo(3);
		assertThat(second.get("unchanged").asLong()).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM customers")).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM points_balances")).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM customers WHERE external_id = 'M-1' AND name = 'Anna' "
				+ "AND phone = '+4915112345601' AND language = 'de' AND home_store_id IS NOT NULL"))
			.isEqualTo(1);
		assertThat(count("SELECT count(*) FROM marketing_consents WHERE channel = 'WHATSAPP' "
				+ "AND external_id = '4915112345613' AND opted_out"))
			.isEqualTo(1);
		assertThat(count("SELECT count(*) FROM marketing_consents")).isEqualTo(1);
	}

	@Test
	void should_give_a_member_who_joined_at_a_till_the_external_id_of_the_line_with_their_phone() {
		this.till.post(this.till.adminToken(), "/api/v1/customers",
				Map.of("name", "Till member", "phone", "+4915112345677"), HttpStatus.CREATED);

		JsonNode done = finished(
				upload("/api/v1/imports/members", "external_id,name,phone\r\nERP-7,Other name,+49 151 12345677\r\n"));

		assertThat(done.get("accepted").asLong()).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM customers WHERE external_id = 'ERP-7' AND name = 'Till member'"))
			.isEqualTo(1);
	}

	@Test
	void should_import_purchases_by_external_id_phone_and_card_code_crediting_points_as_a_till_would() {
		finished(upload("/api/v1/imports/members", members()));
		String card = this.till.enrol(this.till.adminToken(), "Card holder").get("cardCode").asText();
		String file = "customer_external_id,card_code,phone,store,receipt_no,time,amount,items\r\n" + "M-1,,,"
				+ this.store + ",R-1,2026-11-30T10:00:00+01:00,12.34,SKU1|2|5.00|Coffee|drinks;SKU2|1|2.34\r\n"
				+ ",,+49 151 12345601," + this.store + ",R-2,2026-11-30T11:00:00Z,5.00,\r\n" + "," + card + ",,"
				+ this.store + ",R-3,2026-11-30T12:00:00Z,20.00,\r\n" + "M-404,,," + this.store
				+ ",R-4,2026-11-30T12:00:00Z,1.00,\r\n" + "M-1,,," + this.store + ",R-5,yesterday,1.00,\r\n" + "M-1,,,"
				+ this.store + ",R-6,2026-11-30T12:00:00Z,1.999,\r\n" + "M-1,,,NOPE,R-7,2026-11-30T12:00:00Z,1.00,\r\n"
				+ "M-1,,," + this.store + ",R-1,2026-11-30T10:00:00+01:00,12.34,\r\n";

		JsonNode first = finished(upload("/api/v1/imports/purchases", file));
		long ledger = count("SELECT count(*) FROM points_ledger_entries");
		long notices = count("SELECT count(*) FROM notification_outbox");
		JsonNode second = finished(upload("/api/v1/imports/purchases", file));

		assertThat(first.get("accepted").asLong()).isEqualTo(3);
		assertThat(rejections(first)).containsExactly("5: unknown customer (customer_external_id M-404)",
				"6: bad time 'yesterday': must be ISO-8601 with an offset, like 2026-11-30T18:05:00+01:00",
				"7: bad amount '1.999': EUR has 2 decimals", "8: unknown store NOPE",
				"9: duplicate within the file: store and receipt_no as on line 2");
		assertThat(count("SELECT count(*) FROM purchases")).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM purchases WHERE points_earned > 0")).isEqualTo(3);
		assertThat(ledger).isEqualTo(3);
		assertThat(notices).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM purchase_items i JOIN purchases p ON p.id = i.purchase_id "
				+ "WHERE p.receipt_no = 'R-1'"))
			.isEqualTo(2);
		assertThat(this.db.sql("SELECT recorded_at FROM purchases WHERE receipt_no = 'R-1'")
			.map((row) -> row.get(0, OffsetDateTime.class).toInstant())
			.one()
			.block()).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
		assertThat(second.get("accepted").asLong()).isEqualTo(3);
		assertThat(second.get("unchanged").asLong()).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM purchases")).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM points_ledger_entries")).isEqualTo(ledger);
		assertThat(count("SELECT count(*) FROM notification_outbox")).isEqualTo(notices);
		assertThat(ledgerMismatches()).isZero();
	}

	@Test
	void should_credit_exactly_what_the_live_path_credits_and_leave_a_receipt_recorded_live_unchanged() {
		String admin = this.till.adminToken();
		JsonNode live = this.till.enrol(admin, "Live");
		JsonNode imported = this.till.enrol(admin, "Imported");
		JsonNode liveReceipt = this.till.purchase(admin, live.get("cardCode").asText(), this.store, "L-1", 4321,
				HttpStatus.CREATED);
		String file = "card_code,store,receipt_no,time,amount\r\n" + imported.get("cardCode").asText() + ","
				+ this.store + ",I-1," + Instant.now().minusSeconds(60) + ",43.21\r\n" + live.get("cardCode").asText()
				+ "," + this.store + ",L-1," + Instant.now().minusSeconds(60) + ",43.21\r\n";

		JsonNode done = finished(upload("/api/v1/imports/purchases", file));

		assertThat(done.get("accepted").asLong()).isEqualTo(2);
		assertThat(done.get("unchanged").asLong()).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM purchases")).isEqualTo(2);
		assertThat(count("SELECT points_earned FROM purchases WHERE receipt_no = 'I-1'"))
			.isEqualTo(liveReceipt.get("pointsEarned").asLong());
		assertThat(count("SELECT count(*) FROM points_ledger_entries")).isEqualTo(2);
		assertThat(ledgerMismatches()).isZero();
	}

	@Test
	void should_record_historical_purchases_without_points_ledger_entries_or_notifications() {
		finished(upload("/api/v1/imports/members", members()));

		JsonNode done = finished(upload("/api/v1/imports/purchases?historical=true",
				"customer_external_id,store,receipt_no,time,amount\r\nM-2," + this.store
						+ ",H-1,2020-01-02T03:04:05Z,99.00\r\n"));

		assertThat(done.get("historical").asBoolean()).isTrue();
		assertThat(done.get("accepted").asLong()).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM purchases WHERE receipt_no = 'H-1' AND points_earned = 0 "
				+ "AND amount_minor = 9900"))
			.isEqualTo(1);
		assertThat(count("SELECT count(*) FROM points_ledger_entries")).isZero();
		assertThat(count("SELECT count(*) FROM notification_outbox")).isZero();
	}

	@Test
	void should_record_a_historical_chunk_at_once_answering_each_line_as_alone_and_change_nothing_the_second_time() {
		finished(upload("/api/v1/imports/members", members()));
		String admin = this.till.adminToken();
		JsonNode live = this.till.enrol(admin, "Live");
		this.till.purchase(admin, live.get("cardCode").asText(), this.store, "L-1", 4321, HttpStatus.CREATED);
		long ledger = count("SELECT count(*) FROM points_ledger_entries");
		String file = "customer_external_id,card_code,store,receipt_no,time,amount,items\r\n" + "M-1,," + this.store
				+ ",H-1,2020-01-02T03:04:05Z,12.34,SKU1|2|5.00|Coffee|drinks;SKU2|1|2.34\r\n" + "M-2,," + this.store
				+ ",H-2,2020-01-03T03:04:05Z,5.00,\r\n" + "M-404,," + this.store + ",H-3,2020-01-03T03:04:05Z,1.00,\r\n"
				+ "M-1,,NOPE,H-4,2020-01-03T03:04:05Z,1.00,\r\n" + "," + live.get("cardCode").asText() + ","
				+ this.store + ",L-1,2020-01-03T03:04:05Z,43.21,\r\n" + "," + live.get("cardCode").asText() + ","
				+ this.store + ",H-5,2020-01-03T03:04:05Z,2.00,\r\n" + "M-2,," + this.store
				+ ",H-2,2020-01-03T03:04:05Z,5.00,\r\n";

		JsonNode first = finished(uploadForm("/api/v1/imports/purchases", file, "historical", "true"));
		JsonNode second = finished(uploadForm("/api/v1/imports/purchases", file, "historical", "true"));

		assertThat(first.get("historical").asBoolean()).isTrue();
		assertThat(first.get("accepted").asLong()).isEqualTo(4);
		assertThat(first.get("unchanged").asLong()).isEqualTo(1);
		assertThat(rejections(first)).containsExactly("4: unknown customer (customer_external_id M-404)",
				"5: unknown store NOPE", "8: duplicate within the file: store and receipt_no as on line 3");
		assertThat(count("SELECT count(*) FROM purchases")).isEqualTo(4);
		assertThat(count("SELECT count(*) FROM purchases WHERE receipt_no LIKE 'H-%' AND points_earned = 0 "
				+ "AND tier_after = tier_at_purchase"))
			.isEqualTo(3);
		assertThat(count("SELECT count(*) FROM purchase_items i JOIN purchases p ON p.id = i.purchase_id "
				+ "WHERE p.receipt_no = 'H-1'"))
			.isEqualTo(2);
		assertThat(count("SELECT balance_after FROM purchases WHERE receipt_no = 'H-5'"))
			.isEqualTo(
					count("SELECT b.balance FROM points_balances b JOIN purchases p ON p.customer_id = b.customer_id "
							+ "WHERE p.receipt_no = 'L-1'"))
			.isPositive();
		assertThat(second.get("accepted").asLong()).isEqualTo(4);
		assertThat(second.get("unchanged").asLong()).isEqualTo(4);
		assertThat(count("SELECT count(*) FROM purchases")).isEqualTo(4);
		assertThat(count("SELECT count(*) FROM purchase_items")).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM points_ledger_entries")).isEqualTo(ledger);
		assertThat(ledgerMismatches()).isZero();
	}

	@Test
	void should_import_a_file_uploaded_as_a_form_as_it_imports_a_csv_body() {
		JsonNode members = finished(uploadForm("/api/v1/imports/members", members(), null, null));
		JsonNode purchases = finished(uploadForm("/api/v1/imports/purchases?historical=false",
				"customer_external_id,store,receipt_no,time,amount\r\nM-1," + this.store
						+ ",F-1,2026-11-30T10:00:00Z,10.00\r\n",
				null, null));

		assertThat(members.get("accepted").asLong()).isEqualTo(3);
		assertThat(members.get("rejected").asLong()).isEqualTo(9);
		assertThat(purchases.get("historical").asBoolean()).isFalse();
		assertThat(purchases.get("accepted").asLong()).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM purchases WHERE receipt_no = 'F-1' AND points_earned > 0")).isEqualTo(1);
	}

	@Test
	void should_answer_400_when_a_form_has_no_csv_file_part_or_an_empty_one() {
		MultipartBodyBuilder wrongName = new MultipartBodyBuilder();
		wrongName.part("upload", new NamedBytes("external_id,name\r\nM-1,A\r\n", "m.csv"))
			.contentType(MediaType.parseMediaType("text/csv"));
		MultipartBodyBuilder fieldNotFile = new MultipartBodyBuilder();
		fieldNotFile.part("file", "external_id,name");
		MultipartBodyBuilder image = new MultipartBodyBuilder();
		image.part("file", new NamedBytes("\u0089PNG", "photo.png")).contentType(MediaType.IMAGE_PNG);
		MultipartBodyBuilder empty = new MultipartBodyBuilder();
		empty.part("file", new NamedBytes("", "empty.csv")).contentType(MediaType.parseMediaType("text/csv"));
		MultipartBodyBuilder badOption = new MultipartBodyBuilder();
		badOption.part("file", new NamedBytes("store,amount\r\n", "p.csv"))
			.contentType(MediaType.parseMediaType("text/csv"));
		badOption.part("historical", "maybe");

		assertThat(refusedForm("/api/v1/imports/members", wrongName)).contains("part named file").contains("[upload]");
		assertThat(refusedForm("/api/v1/imports/members", fieldNotFile)).contains("file upload");
		assertThat(refusedForm("/api/v1/imports/purchases", image)).contains("must be CSV");
		assertThat(refusedForm("/api/v1/imports/members", empty)).contains("empty");
		assertThat(refusedForm("/api/v1/imports/purchases", badOption)).contains("historical");
		this.http.post()
			.uri("/api/v1/imports/members")
			.headers((headers) -> headers.setBearerAuth(this.till.adminToken()))
			.contentType(MediaType.parseMediaType("multipart/form-data;boundary=xyz"))
			.bodyValue("not a form at all")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(count("SELECT count(*) FROM imports")).isZero();
	}

	@Test
	void should_show_progress_while_an_import_runs() {
		String card = this.till.enrol(this.till.adminToken(), "Big spender").get("cardCode").asText();
		StringBuilder file = new StringBuilder("card_code,store,receipt_no,time,amount\r\n");
		for (int i = 0; i < 2000; i++) {
			file.append(card)
				.append(',')
				.append(this.store)
				.append(",P-")
				.append(i)
				.append(",2026-11-30T10:00:00Z,1.00\r\n");
		}
		JsonNode started = upload("/api/v1/imports/purchases", file.toString());
		List<JsonNode> seen = new ArrayList<>();
		JsonNode now = started;
		while ("RUNNING".equals(now.get("state").asText())) {
			seen.add(now);
			sleep(50);
			now = this.till.get(this.till.adminToken(), "/api/v1/imports/" + started.get("id").asText(), HttpStatus.OK);
		}

		assertThat(now.get("state").asText()).as(now.toString()).isEqualTo("COMPLETED");
		assertThat(seen).anySatisfy((progress) -> {
			assertThat(progress.get("rowsRead").asLong()).isBetween(1L, 1999L);
			assertThat(progress.get("percent").asDouble()).isBetween(0.1, 99.9);
			assertThat(progress.get("rowsPerSecond").asDouble()).isPositive();
		});
		assertThat(now.get("state").asText()).isEqualTo("COMPLETED");
		assertThat(now.get("accepted").asLong()).isEqualTo(2000);
	}

	@Test
	void should_mark_an_import_whose_instance_stopped_reporting_interrupted() {
		UUID id = UUID.randomUUID();
		this.db
			.sql("INSERT INTO imports (id, kind, state, file_bytes, started_at, heartbeat_at) "
					+ "VALUES (:id, 'MEMBERS', 'RUNNING', 100, now() - interval '1 hour', now() - interval '1 hour')")
			.bind("id", id)
			.then()
			.block();

		JsonNode shown = null;
		for (int i = 0; i < 100; i++) {
			shown = this.till.get(this.till.adminToken(), "/api/v1/imports/" + id, HttpStatus.OK);
			if (!"RUNNING".equals(shown.get("state").asText())) {
				break;
			}
			sleep(100);
		}

		assertThat(shown.get("state").asText()).isEqualTo("INTERRUPTED");
		assertThat(shown.get("finishedAt").isNull()).isFalse();
	}

	@Test
	void should_download_the_rejected_lines_as_csv_safe_for_spreadsheets() {
		JsonNode done = finished(
				upload("/api/v1/imports/members", "external_id,name\r\n=cmd,Formula\r\nok-1,\r\nok-2,Fine\r\n"));

		String csv = this.http.get()
			.uri("/api/v1/imports/" + done.get("id").asText() + "/rejections?format=csv")
			.headers((headers) -> headers.setBearerAuth(this.till.adminToken()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/csv")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(done.get("accepted").asLong()).isEqualTo(2);
		assertThat(csv).isEqualTo("line,reason\r\n3,missing name\r\n");
		assertThat(count("SELECT count(*) FROM customers WHERE external_id = '=cmd'")).isEqualTo(1);
	}

	@Test
	void should_refuse_an_upload_without_the_required_columns_as_failed() {
		JsonNode done = finished(upload("/api/v1/imports/purchases", "store,amount\r\nS,1.00\r\n"));

		assertThat(done.get("state").asText()).isEqualTo("FAILED");
		assertThat(done.get("failure").asText()).contains("receipt_no, time");
		assertThat(count("SELECT count(*) FROM purchases")).isZero();
	}

	@Test
	void should_answer_each_item_of_a_batch_in_order_as_if_sent_alone() {
		String admin = this.till.adminToken();
		String card = this.till.enrol(admin, "Offline till").get("cardCode").asText();
		Map<String, Object> good = purchase(card, "B-1", 1500);
		Map<String, Object> bad = purchase(card, "B-2", -1);
		Map<String, Object> unknownCard = purchase("NOT-A-CARD", "B-3", 100);

		JsonNode results = this.till
			.post(admin, "/api/v1/purchases:batch", Map.of("purchases", List.of(good, good, bad, unknownCard)),
					HttpStatus.OK)
			.get("results");

		assertThat(results).hasSize(4);
		assertThat(results.get(0).get("status").asText()).isEqualTo("RECORDED");
		assertThat(results.get(1).get("status").asText()).isEqualTo("ALREADY_RECORDED");
		assertThat(results.get(1).get("purchase").get("purchaseId"))
			.isEqualTo(results.get(0).get("purchase").get("purchaseId"));
		assertThat(results.get(2).get("status").asText()).isEqualTo("REJECTED");
		assertThat(results.get(2).get("httpStatus").asInt()).isEqualTo(400);
		assertThat(results.get(2).get("problem").get("detail").asText()).contains("amountMinor");
		assertThat(results.get(3).get("httpStatus").asInt()).isEqualTo(422);
		assertThat(results.get(3).get("index").asInt()).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM purchases")).isEqualTo(1);
	}

	@Test
	void should_refuse_a_batch_of_more_than_500_purchases_with_a_problem() {
		String admin = this.till.adminToken();
		String card = this.till.enrol(admin, "Too many").get("cardCode").asText();
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < 501; i++) {
			items.add(purchase(card, "X-" + i, 100));
		}

		this.http.post()
			.uri("/api/v1/purchases:batch")
			.headers((headers) -> headers.setBearerAuth(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("purchases", items))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.post()
			.uri("/api/v1/purchases:batch")
			.headers((headers) -> headers.setBearerAuth(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"purchases\": [ {\"amountMinor\": \"many\"} ]")
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(count("SELECT count(*) FROM purchases")).isZero();
	}

	private Map<String, Object> purchase(String card, String receipt, long amount) {
		return Map.of("cardCode", card, "storeCode", this.store, "receiptNo", receipt, "amountMinor", amount,
				"currency", "EUR");
	}

	private String members() {
		return "external_id,name,phone,language,home_store,consent\r\n" + "M-1,Anna,+4915112345601,de," + this.store
				+ ",yes\r\n" + "M-2,Bob,,en,,no\r\n" + "M-3,Carl,not-a-phone,en,,\r\n" + ",Dora,,en,,\r\n"
				+ "M-5,Eve,,en,NOPE,\r\n" + "M-1,Anna again,,en,,\r\n" + "M-8,\"Fr\u0001ed\",,en,,\r\n"
				+ "M-9,Gus,+4915112345601,en,,\r\n" + "M-10,Hal,,xx_bad,,\r\n" + "M-11,Ivy,,en,,maybe\r\n"
				+ "M-12,Jo\r\n" + "M-13,Kim,+4915112345613,en,,no\r\n";
	}

	private JsonNode upload(String path, String csv) {
		return this.http.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(this.till.adminToken()))
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(csv)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private JsonNode uploadForm(String path, String csv, @Nullable String field, @Nullable String value) {
		MultipartBodyBuilder form = new MultipartBodyBuilder();
		form.part("file", new NamedBytes(csv, "export.csv")).contentType(MediaType.parseMediaType("text/csv"));
		if (field != null && value != null) {
			form.part(field, value);
		}
		return this.http.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(this.till.adminToken()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(form.build()))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/** The detail of the 400 problem the form is answered with. */
	private String refusedForm(String path, MultipartBodyBuilder form) {
		return this.http.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(this.till.adminToken()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(form.build()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("detail")
			.asText();
	}

	/** A file part's content with its file name, as a browser sends it. */
	private static final class NamedBytes extends ByteArrayResource {

		private final String filename;

		NamedBytes(String content, String filename) {
			super(content.getBytes(StandardCharsets.UTF_8));
			this.filename = filename;
		}

		@Override
		public String getFilename() {
			return this.filename;
		}

	}

	private JsonNode finished(JsonNode started) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		JsonNode now = started;
		while ("RUNNING".equals(now.get("state").asText()) && System.nanoTime() < deadline) {
			sleep(50);
			now = this.till.get(this.till.adminToken(), "/api/v1/imports/" + started.get("id").asText(), HttpStatus.OK);
		}
		return now;
	}

	private List<String> rejections(JsonNode done) {
		JsonNode page = this.till.get(this.till.adminToken(),
				"/api/v1/imports/" + done.get("id").asText() + "/rejections?limit=100", HttpStatus.OK);
		List<String> lines = new ArrayList<>();
		page.get("rejections")
			.forEach((row) -> lines.add(row.get("line").asLong() + ": " + row.get("reason").asText()));
		return lines;
	}

	private long count(String sql) {
		return this.db.sql(sql).map((row) -> ((Number) row.get(0)).longValue()).one().block();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
