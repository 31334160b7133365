package dev.punchcard.app.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Test fixture: drives the API as an administrator and a cashier would. */
public final class Till {

	private final WebTestClient http;

	private String adminToken;

	public Till(WebTestClient http) {
		this.http = http;
	}

	public String adminToken() {
		if (this.adminToken == null) {
			this.adminToken = login(ApiIT.ADMIN, ApiIT.ADMIN_PASSWORD);
		}
		return this.adminToken;
	}

	public String login(String username, String password) {
		return this.http.post()
			.uri("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username, "password", password))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("accessToken")
			.asText();
	}

	public String openStore() {
		String code = "S-" + UUID.randomUUID().toString().substring(0, 8);
		post(adminToken(), "/api/v1/stores", Map.of("code", code, "name", "Store " + code), HttpStatus.CREATED);
		return code;
	}

	/**
	 * Creates a staff member with the role (at the store for cashiers) and returns their
	 * token.
	 */
	public String staff(String role, String storeCode) {
		String username = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "a-long-enough-password-" + username;
		Map<String, Object> body = storeCode == null ? Map.of("username", username, "password", password, "role", role)
				: Map.of("username", username, "password", password, "role", role, "storeCode", storeCode);
		post(adminToken(), "/api/v1/staff", body, HttpStatus.CREATED);
		return login(username, password);
	}

	/**
	 * Enrols a customer and returns the response ({@code customerId}, {@code cardCode},
	 * ...).
	 */
	public JsonNode enrol(String token, String name) {
		return post(token, "/api/v1/customers", Map.of("name", name), HttpStatus.CREATED);
	}

	public JsonNode purchase(String token, String cardCode, String storeCode, String receiptNo, long amountMinor,
			HttpStatus expected) {
		return post(token, "/api/v1/purchases", Map.of("cardCode", cardCode, "storeCode", storeCode, "receiptNo",
				receiptNo, "amountMinor", amountMinor, "currency", "EUR", "items", List.of()), expected);
	}

	public JsonNode refund(String token, String purchaseId, String refundNo, long amountMinor, HttpStatus expected) {
		return post(token, "/api/v1/purchases/" + purchaseId + "/refunds",
				Map.of("refundNo", refundNo, "amountMinor", amountMinor), expected);
	}

	public JsonNode reward(String name, long cost, Integer stock) {
		Map<String, Object> body = stock == null ? Map.of("name", name, "costPoints", cost)
				: Map.of("name", name, "costPoints", cost, "stock", stock);
		return post(adminToken(), "/api/v1/rewards", body, HttpStatus.CREATED);
	}

	public JsonNode get(String token, String uri, HttpStatus expected) {
		return this.http.get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isEqualTo(expected)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	public JsonNode post(String token, String uri, Object body, HttpStatus expected) {
		return this.http.post()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(expected)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

}
