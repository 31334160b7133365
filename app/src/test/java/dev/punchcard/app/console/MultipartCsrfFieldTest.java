package dev.punchcard.app.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;

import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSRF field of a no-JavaScript upload moves into the header, whatever the network's
 * chunking, and the body goes on byte for byte; anything else passes as it came.
 */
class MultipartCsrfFieldTest {

	private static final String BOUNDARY = "----WebKitFormBoundaryX7b2";

	private static final String TOKEN = "a1B2-c3_D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ==";

	private final MultipartCsrfField filter = new MultipartCsrfField();

	private final AtomicReference<ServerHttpRequest> passedOn = new AtomicReference<>();

	private final AtomicReference<String> bodyPassedOn = new AtomicReference<>();

	@ParameterizedTest(name = "chunks of {0} bytes")
	@ValueSource(ints = { 1, 7, 64, 100_000 })
	void should_copy_the_leading_csrf_field_into_the_header_and_pass_the_whole_body_on(int chunk) {
		String body = body(field("_csrf", TOKEN) + field("kind", "MEMBERS") + file("external_id,name\r\nA-1,Ann\r\n"));

		run(upload(body, chunk));

		assertThat(this.passedOn.get().getHeaders().getFirst(MultipartCsrfField.HEADER)).isEqualTo(TOKEN);
		assertThat(this.bodyPassedOn.get()).isEqualTo(body);
	}

	@Test
	void should_add_no_header_when_the_first_part_is_not_the_csrf_field() {
		String body = body(field("kind", "MEMBERS") + field("_csrf", TOKEN) + file("x"));

		run(upload(body, 16));

		assertThat(this.passedOn.get().getHeaders().containsKey(MultipartCsrfField.HEADER)).isFalse();
		assertThat(this.bodyPassedOn.get()).isEqualTo(body);
	}

	@Test
	void should_add_no_header_when_the_first_part_does_not_end_within_the_limit() {
		String body = body(field("_csrf", "a".repeat(MultipartCsrfField.HEAD_LIMIT)) + file("x"));

		run(upload(body, 1000));

		assertThat(this.passedOn.get().getHeaders().containsKey(MultipartCsrfField.HEADER)).isFalse();
		assertThat(this.bodyPassedOn.get()).isEqualTo(body);
	}

	@Test
	void should_add_no_header_when_the_field_holds_what_no_token_looks_like() {
		String body = body(field("_csrf", "evil\r\nX-Other: 1") + file("x"));

		run(upload(body, 16));

		assertThat(this.passedOn.get().getHeaders().containsKey(MultipartCsrfField.HEADER)).isFalse();
	}

	@Test
	void should_leave_a_request_with_the_header_as_it_is() {
		String body = body(field("_csrf", TOKEN) + file("x"));
		MockServerHttpRequest request = MockServerHttpRequest.method(HttpMethod.POST, MultipartCsrfField.PATH)
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.header(MultipartCsrfField.HEADER, "from-htmx")
			.body(chunks(body, 16));

		run(request);

		assertThat(this.passedOn.get().getHeaders().get(MultipartCsrfField.HEADER)).containsExactly("from-htmx");
	}

	@Test
	void should_leave_other_paths_and_other_forms_as_they_are() {
		String body = body(field("_csrf", TOKEN));
		MockServerHttpRequest elsewhere = MockServerHttpRequest.method(HttpMethod.POST, "/console/stores")
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.body(chunks(body, 16));
		MockServerHttpRequest urlEncoded = MockServerHttpRequest.method(HttpMethod.POST, MultipartCsrfField.PATH)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.body("_csrf=" + TOKEN);

		run(elsewhere);
		assertThat(this.passedOn.get().getHeaders().containsKey(MultipartCsrfField.HEADER)).isFalse();
		run(urlEncoded);
		assertThat(this.passedOn.get().getHeaders().containsKey(MultipartCsrfField.HEADER)).isFalse();
	}

	private void run(MockServerHttpRequest request) {
		WebFilterChain chain = (ServerWebExchange exchange) -> {
			this.passedOn.set(exchange.getRequest());
			return DataBufferUtils.join(exchange.getRequest().getBody())
				.map(MultipartCsrfFieldTest::text)
				.doOnNext(this.bodyPassedOn::set)
				.then();
		};
		this.filter.filter(MockServerWebExchange.from(request), chain).as(StepVerifier::create).verifyComplete();
	}

	private static MockServerHttpRequest upload(String body, int chunk) {
		return MockServerHttpRequest.method(HttpMethod.POST, MultipartCsrfField.PATH)
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.body(chunks(body, chunk));
	}

	private static Flux<DataBuffer> chunks(String body, int size) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		List<DataBuffer> buffers = new ArrayList<>();
		for (int at = 0; at < bytes.length; at += size) {
			byte[] part = java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + size));
			buffers.add(DefaultDataBufferFactory.sharedInstance.wrap(part));
		}
		return Flux.fromIterable(buffers);
	}

	private static String text(DataBuffer buffer) {
		String text = buffer.toString(StandardCharsets.UTF_8);
		DataBufferUtils.release(buffer);
		return text;
	}

	private static String body(String parts) {
		return parts + "--" + BOUNDARY + "--\r\n";
	}

	private static String field(String name, String value) {
		return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
	}

	private static String file(String content) {
		return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + content + "\r\n";
	}

}
