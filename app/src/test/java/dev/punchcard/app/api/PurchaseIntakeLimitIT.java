package dev.punchcard.app.api;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance takes at most {@code punchcard.purchase-intake.max-in-flight} purchases at
 * once and sheds the next with a 503 that says when to retry, recording nothing for it.
 * The first purchase is held in flight by sending its body in two halves.
 */
@TestPropertySource(properties = "punchcard.purchase-intake.max-in-flight=1")
class PurchaseIntakeLimitIT extends ApiIT {

	@Autowired
	private PurchaseRoute route;

	@Test
	void should_shed_a_purchase_beyond_the_limit_and_take_it_again_once_there_is_room() throws Exception {
		String store = this.till.openStore();
		String cashier = this.till.staff("CASHIER", store);
		JsonNode member = this.till.enrol(cashier, "Intake Member");
		String card = member.get("cardCode").asText();
		byte[] held = purchase(card, store, "HELD-1").getBytes(StandardCharsets.UTF_8);
		int half = held.length / 2;

		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + PurchaseRoute.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + cashier
					+ "\r\nContent-Type: application/json\r\nContent-Length: " + held.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(held, 0, half);
			out.flush();
			waitUntil(() -> this.route.inFlight() == 1);

			post(cashier, purchase(card, store, "SHED-1")).expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals(HttpHeaders.RETRY_AFTER, "1")
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(503)
				.jsonPath("$.instance")
				.isEqualTo(PurchaseRoute.PATH)
				.jsonPath("$.detail")
				.value((detail) -> assertThat(detail.toString()).contains("same receipt number"));

			out.write(held, half, held.length - half);
			out.flush();
			String answer = readHead(socket.getInputStream());
			assertThat(answer).startsWith("HTTP/1.1 201");
		}

		waitUntil(() -> this.route.inFlight() == 0);
		assertThat(receipts("SHED-1")).isZero();
		assertThat(receipts("HELD-1")).isOne();
		// the shed purchase, sent again with the same receipt, is recorded once
		post(cashier, purchase(card, store, "SHED-1")).expectStatus().isCreated();
		assertThat(receipts("SHED-1")).isOne();
	}

	private WebTestClient.ResponseSpec post(String token, String body) {
		return this.http.post()
			.uri(PurchaseRoute.PATH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime() - deadline).as("waited 10 s").isNegative();
			Thread.sleep(10);
		}
	}

	private long receipts(String receiptNo) {
		return this.db.sql("SELECT count(*) FROM purchases WHERE receipt_no = :receipt")
			.bind("receipt", receiptNo)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private static String purchase(String card, String store, String receiptNo) {
		return "{\"cardCode\":\"" + card + "\",\"storeCode\":\"" + store + "\",\"receiptNo\":\"" + receiptNo
				+ "\",\"amountMinor\":1250,\"currency\":\"EUR\"}";
	}

	/** The status line and headers of the answer. */
	private static String readHead(InputStream in) throws Exception {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			head.write(b);
			String text = head.toString(StandardCharsets.US_ASCII);
			if (text.endsWith("\r\n\r\n")) {
				return text;
			}
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

}
