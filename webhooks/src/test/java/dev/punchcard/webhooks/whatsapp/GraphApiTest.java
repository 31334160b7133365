package dev.punchcard.webhooks.whatsapp;

import java.time.Duration;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.Options.ChunkedEncodingPolicy;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class GraphApiTest {

	static final String MESSAGES = "/v24.0/" + WhatsAppFixtures.PHONE_NUMBER_ID + "/messages";

	static final String MEDIA = "/v24.0/" + WhatsAppFixtures.PHONE_NUMBER_ID + "/media";

	static final String WAMID = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";

	private static final String BEARER = "Bearer " + TestWhatsApp.ACCESS_TOKEN;

	@RegisterExtension
	static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	/** A CDN that streams its bodies without a {@code Content-Length}. */
	@RegisterExtension
	static WireMockExtension chunkedCdn = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().useChunkedTransferEncoding(ChunkedEncodingPolicy.ALWAYS))
		.build();

	private final GraphApi api = api(TestWhatsApp.properties(graph.baseUrl()));

	/** The client as the application builds it, against {@code properties}' API URL. */
	static GraphApi api(WhatsAppProperties properties) {
		return GraphApi.create(WebClient.builder(), properties,
				new GraphApiRetry(properties.retries(), Schedulers.parallel()));
	}

	/** Meta's answer to an accepted {@code /messages} post. */
	static ResponseDefinitionBuilder accepted(String wamid) {
		return WireMock.okJson("""
				{"messaging_product": "whatsapp",
				 "contacts": [{"input": "+16505551234", "wa_id": "16505551234"}],
				 "messages": [{"id": "%s"}]}""".formatted(wamid));
	}

	/** A Graph API error answer. */
	static ResponseDefinitionBuilder graphError(int status, int code, String message, String details) {
		return WireMock.jsonResponse("""
				{"error": {"message": "%s", "type": "OAuthException", "code": %d,
				 "error_data": {"messaging_product": "whatsapp", "details": "%s"},
				 "fbtrace_id": "AazVYmKq2tL8qhKR5oF0c3B"}}""".formatted(message, code, details), status);
	}

	@Test
	void should_post_the_exact_body_with_the_bearer_token_and_emit_the_wamid_when_sending() {
		graph.stubFor(post(MESSAGES).willReturn(accepted(WAMID)));

		this.api.send(textBody("+16505551234", "Hi")).as(StepVerifier::create).expectNext(WAMID).verifyComplete();

		graph.verify(postRequestedFor(urlEqualTo(MESSAGES)).withHeader("Authorization", equalTo(BEARER))
			.withHeader("Content-Type", containing("application/json"))
			.withRequestBody(equalToJson("""
					{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "+16505551234",
					 "type": "text", "text": {"preview_url": false, "body": "Hi"}}""")));
	}

	@Test
	void should_fail_as_unreachable_without_retrying_when_meta_answers_131026() {
		graph.stubFor(
				post(MESSAGES).willReturn(graphError(400, 131026, "Message undeliverable", "Message Undeliverable.")));

		this.api.send(textBody("16505551234", "Hi"))
			.as(StepVerifier::create)
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(GraphApiException.class, (graphError) -> {
						assertThat(graphError.unreachable()).isTrue();
						assertThat(graphError.retryable()).isFalse();
						assertThat(graphError.status()).isEqualTo(400);
						assertThat(graphError.details()).isEqualTo("Message Undeliverable.");
						assertThat(graphError.fbtraceId()).isEqualTo("AazVYmKq2tL8qhKR5oF0c3B");
						assertThat(graphError).hasMessageNotContaining(TestWhatsApp.ACCESS_TOKEN);
					}))
			.verify(Duration.ofSeconds(5));
		graph.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
	}

	@Test
	void should_retry_and_succeed_when_meta_answers_500_once() {
		stubOnceThen(aResponse().withStatus(500).withBody("<html>Internal error</html>"));

		this.api.send(textBody("16505551234", "Hi")).as(StepVerifier::create).expectNext(WAMID).verifyComplete();

		graph.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
	}

	@Test
	void should_retry_when_the_throughput_is_reached_even_with_http_400() {
		stubOnceThen(graphError(400, 130429, "Rate limit hit", "Cloud API message throughput has been reached."));

		this.api.send(textBody("16505551234", "Hi")).as(StepVerifier::create).expectNext(WAMID).verifyComplete();

		graph.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
	}

	@Test
	void should_hold_the_shared_budget_off_once_before_the_retry_when_the_throughput_is_reached() {
		stubOnceThen(graphError(400, 130429, "Rate limit hit", "Cloud API message throughput has been reached."));
		java.util.concurrent.atomic.AtomicInteger heldOff = new java.util.concurrent.atomic.AtomicInteger();
		WhatsAppProperties properties = TestWhatsApp.properties(graph.baseUrl());
		GraphApi holding = GraphApi.create(WebClient.builder(), properties, new GraphApiRetry(properties.retries(),
				Schedulers.parallel(), () -> Mono.fromRunnable(heldOff::incrementAndGet)));

		holding.send(textBody("16505551234", "Hi")).as(StepVerifier::create).expectNext(WAMID).verifyComplete();

		assertThat(heldOff).hasValue(1);
	}

	@Test
	void should_not_hold_the_budget_off_when_meta_fails_for_another_reason() {
		stubOnceThen(aResponse().withStatus(500).withBody("<html>Internal error</html>"));
		java.util.concurrent.atomic.AtomicInteger heldOff = new java.util.concurrent.atomic.AtomicInteger();
		WhatsAppProperties properties = TestWhatsApp.properties(graph.baseUrl());
		GraphApi holding = GraphApi.create(WebClient.builder(), properties, new GraphApiRetry(properties.retries(),
				Schedulers.parallel(), () -> Mono.fromRunnable(heldOff::incrementAndGet)));

		holding.send(textBody("16505551234", "Hi")).as(StepVerifier::create).expectNext(WAMID).verifyComplete();

		assertThat(heldOff).hasValue(0);
	}

	@Test
	void should_give_up_after_the_configured_attempts_when_meta_keeps_failing() {
		GraphApi twice = api(TestWhatsApp.properties(graph.baseUrl(), "retries.max-attempts=2"));
		graph.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(503)));

		twice.send(textBody("16505551234", "Hi"))
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(GraphApiException.class,
					(graphError) -> assertThat(graphError.status()).isEqualTo(503)))
			.verify(Duration.ofSeconds(5));
		graph.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
	}

	@Test
	void should_retry_a_call_that_times_out_when_meta_answers_too_late() {
		GraphApi impatient = api(
				TestWhatsApp.properties(graph.baseUrl(), "timeouts.request=300ms", "retries.max-attempts=2"));
		graph.stubFor(post(MESSAGES).willReturn(accepted(WAMID).withFixedDelay(1_500)));

		impatient.send(textBody("16505551234", "Hi"))
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(GraphApiException.class,
					(graphError) -> assertThat(graphError.retryable()).isTrue()))
			.verify(Duration.ofSeconds(10));
		graph.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
	}

	@Test
	void should_keep_the_token_out_of_the_error_when_the_connection_fails() {
		GraphApi unreachable = api(TestWhatsApp.properties("http://127.0.0.1:1", "retries.max-attempts=1"));

		unreachable.send(textBody("16505551234", "Hi"))
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(GraphApiException.class)
				.hasNoCause()
				.hasMessageNotContaining(TestWhatsApp.ACCESS_TOKEN)
				.satisfies((graphError) -> assertThat(((GraphApiException) graphError).retryable()).isTrue()))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void should_fail_without_details_or_retry_when_an_error_body_is_not_json() {
		graph.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(403).withBody("<html>Forbidden</html>")));

		this.api.send(textBody("16505551234", "Hi"))
			.as(StepVerifier::create)
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(GraphApiException.class, (graphError) -> {
						assertThat(graphError.code()).isZero();
						assertThat(graphError.status()).isEqualTo(403);
						assertThat(graphError).hasMessageNotContaining("<html>");
					}))
			.verify(Duration.ofSeconds(5));
		graph.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
	}

	@Test
	void should_classify_meta_error_codes_when_parsing_an_error_answer() {
		assertThat(GraphApiException.answered("send", 401, error(190)).accountBlocked()).isTrue();
		assertThat(GraphApiException.answered("send", 400, error(368)).accountBlocked()).isTrue();
		assertThat(GraphApiException.answered("send", 400, error(131047)).outsideWindow()).isTrue();
		assertThat(GraphApiException.answered("send", 400, error(131056)).pairRateLimited()).isTrue();
		assertThat(GraphApiException.answered("send", 400, error(132001)).templateProblem()).isTrue();
		assertThat(GraphApiException.answered("send", 400, error(131057)).retryable()).isTrue();
		assertThat(GraphApiException.answered("send", 400, error(131056)).retryable()).isFalse();
		assertThat(GraphApiException.answered("send", 429, "").retryable()).isTrue();
	}

	@Test
	void should_upload_the_png_as_multipart_and_emit_its_media_id() {
		graph.stubFor(post(MEDIA).willReturn(WireMock.okJson("{\"id\": \"1037543291543636\"}")));
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n' };

		this.api.uploadPng(png).as(StepVerifier::create).expectNext("1037543291543636").verifyComplete();

		graph.verify(postRequestedFor(urlEqualTo(MEDIA)).withHeader("Authorization", equalTo(BEARER))
			.withHeader("Content-Type", containing("multipart/form-data"))
			.withRequestBodyPart(aMultipart("messaging_product").withBody(equalTo("whatsapp")).build())
			.withRequestBodyPart(aMultipart("type").withBody(equalTo("image/png")).build())
			.withRequestBodyPart(aMultipart("file").withHeader("Content-Type", equalTo("image/png"))
				.withHeader("Content-Disposition", containing("filename=\"card.png\""))
				.withBody(WireMock.binaryEqualTo(png))
				.build()));
	}

	@Test
	void should_look_up_the_media_and_download_it_with_the_bearer_token() {
		String url = graph.baseUrl() + "/whatsapp_business/attachments/?mid=1037543291543636&ext=1764590000&hash=ATu";
		graph.stubFor(get(urlEqualTo("/v24.0/1037543291543636?phone_number_id=" + WhatsAppFixtures.PHONE_NUMBER_ID))
			.willReturn(WireMock.okJson("""
					{"messaging_product": "whatsapp", "url": "%s", "mime_type": "image/jpeg",
					 "sha256": "c5a1b1e0d4", "file_size": 303833, "id": "1037543291543636"}""".formatted(url))));
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3 };
		graph.stubFor(get(urlEqualTo("/whatsapp_business/attachments/?mid=1037543291543636&ext=1764590000&hash=ATu"))
			.withHeader("Authorization", equalTo(BEARER))
			.willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(jpeg)));

		this.api.media("1037543291543636").as(StepVerifier::create).assertNext((media) -> {
			assertThat(media).isEqualTo(new GraphApi.Media(url, "image/jpeg", "c5a1b1e0d4", 303833));
		}).verifyComplete();
		this.api.download(url, 1024)
			.as(StepVerifier::create)
			.assertNext((bytes) -> assertThat(bytes).isEqualTo(jpeg))
			.verifyComplete();

		graph.verify(getRequestedFor(
				urlEqualTo("/v24.0/1037543291543636?phone_number_id=" + WhatsAppFixtures.PHONE_NUMBER_ID))
			.withHeader("Authorization", equalTo(BEARER)));
	}

	@Test
	void should_complete_empty_when_the_content_length_is_over_the_limit() {
		graph.stubFor(get("/media/big")
			.willReturn(aResponse().withHeader("Content-Length", "2048").withBody(new byte[2048])));

		this.api.download(graph.baseUrl() + "/media/big", 1024).as(StepVerifier::create).verifyComplete();
	}

	@Test
	void should_complete_empty_when_a_body_without_length_grows_over_the_limit() {
		chunkedCdn.stubFor(get("/media/big").willReturn(aResponse().withBody(new byte[64 * 1024])));

		this.api.download(chunkedCdn.baseUrl() + "/media/big", 1024).as(StepVerifier::create).verifyComplete();
	}

	private static ObjectNode textBody(String to, String text) {
		ObjectNode body = JsonNodeFactory.instance.objectNode()
			.put("messaging_product", "whatsapp")
			.put("recipient_type", "individual")
			.put("to", to)
			.put("type", "text");
		body.putObject("text").put("preview_url", false).put("body", text);
		return body;
	}

	private static String error(int code) {
		return "{\"error\": {\"message\": \"m\", \"code\": " + code + "}}";
	}

	private static void stubOnceThen(ResponseDefinitionBuilder failure) {
		graph.stubFor(post(MESSAGES).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(failure)
			.willSetStateTo("recovered"));
		graph.stubFor(post(MESSAGES).inScenario("flaky").whenScenarioStateIs("recovered").willReturn(accepted(WAMID)));
	}

}
