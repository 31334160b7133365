package dev.punchcard.app.api;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

@TestMethodOrder(MethodOrderer.Random.class)
@TestPropertySource(
		properties = { "punchcard.login-throttle.per-username=3", "punchcard.login-throttle.per-address=6" })
class AuthIT extends ApiIT {

	@Test
	void should_issue_a_bearer_token_when_the_password_is_right() {
		login(ADMIN, ADMIN_PASSWORD).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.accessToken")
			.isNotEmpty()
			.jsonPath("$.expiresIn")
			.isEqualTo(900);
	}

	@Test
	void should_answer_the_same_401_when_the_username_is_unknown_or_the_password_wrong() {
		String wrongPassword = login(ADMIN, "wrong-password-here").expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String unknownUser = login("nobody-here", "wrong-password-here").expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(wrongPassword).isEqualTo(unknownUser);
	}

	@Test
	void should_throttle_with_429_and_retry_after_when_a_username_is_tried_too_often() {
		for (int i = 0; i < 3; i++) {
			login("victim", "guess-" + i).expectStatus().isUnauthorized();
		}

		login("victim", "guess-4").expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Long.parseLong(seconds)).isPositive());
	}

	@Test
	void should_throttle_per_client_address_when_many_usernames_are_tried() {
		for (int i = 0; i < 6; i++) {
			login("user-" + i, "guess").expectStatus().isUnauthorized();
		}

		login(ADMIN, ADMIN_PASSWORD).expectStatus().isEqualTo(429);
	}

	@Test
	void should_answer_400_when_the_login_body_is_incomplete() {
		this.http.post()
			.uri("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", ADMIN))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private ResponseSpec login(String username, String password) {
		return this.http.post()
			.uri("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username, "password", password))
			.exchange();
	}

}
