package dev.punchcard.app.api;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class UnavailableExceptionHandlerTest {

	private final WebTestClient http = WebTestClient.bindToController(new Failing())
		.controllerAdvice(new ApiExceptionHandler(), new UnavailableExceptionHandler())
		.build();

	@Test
	void should_answer_503_with_retry_after_when_the_connection_to_postgresql_is_closed() {
		expectUnavailable("closed");
	}

	@Test
	void should_answer_503_when_no_transaction_can_be_started_because_the_connection_is_refused() {
		expectUnavailable("refused");
	}

	@Test
	void should_answer_503_when_the_pool_times_out_acquiring_a_connection() {
		expectUnavailable("acquire-timeout");
	}

	@Test
	void should_answer_503_when_spring_translated_the_failure() {
		expectUnavailable("translated");
	}

	@Test
	void should_still_answer_409_when_a_constraint_rejects_the_request() {
		this.http.get().uri("/fail/constraint").exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void should_still_answer_500_when_the_failure_is_a_bug() {
		this.http.get().uri("/fail/bug").exchange().expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	@Test
	void should_list_for_paths_outside_webflux_the_same_failures_its_handler_catches() throws Exception {
		ExceptionHandler handler = UnavailableExceptionHandler.class.getDeclaredMethod("unavailable", Exception.class)
			.getAnnotation(ExceptionHandler.class);

		assertThat(UnavailableExceptionHandler.UNAVAILABLE).containsExactly(handler.value());
	}

	@Test
	void should_tell_an_outage_anywhere_in_the_cause_chain_from_a_bug() {
		assertThat(UnavailableExceptionHandler.isUnavailable(new IllegalStateException("acquire",
				new TimeoutException("Did not observe any item or terminal signal within 5000ms"))))
			.isTrue();
		assertThat(UnavailableExceptionHandler.isUnavailable(new CannotCreateTransactionException("open",
				new R2dbcNonTransientResourceException("connect failed", new ConnectException("refused")))))
			.isTrue();
		assertThat(UnavailableExceptionHandler.isUnavailable(new IllegalStateException("a bug"))).isFalse();
		assertThat(UnavailableExceptionHandler.isUnavailable(new DataIntegrityViolationException("duplicate key")))
			.isFalse();
	}

	private void expectUnavailable(String kind) {
		this.http.get()
			.uri("/fail/" + kind)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "5")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.detail")
			.isNotEmpty();
	}

	@RestController
	static class Failing {

		@GetMapping("/fail/{kind}")
		Mono<String> fail(@PathVariable String kind) {
			return Mono.error(switch (kind) {
				case "closed" -> new R2dbcNonTransientResourceException("Connection closed");
				case "refused" -> new CannotCreateTransactionException("Could not open R2DBC Connection",
						new R2dbcNonTransientResourceException("connect failed", new ConnectException("refused")));
				case "acquire-timeout" -> new IllegalStateException("acquire",
						new TimeoutException("Did not observe any item or terminal signal within 5000ms"));
				case "translated" -> new DataAccessResourceFailureException("connection lost");
				case "constraint" -> new DataIntegrityViolationException("duplicate key");
				default -> new IllegalStateException("a bug");
			});
		}

	}

}
