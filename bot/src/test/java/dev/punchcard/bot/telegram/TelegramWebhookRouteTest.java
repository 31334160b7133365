package dev.punchcard.bot.telegram;

import dev.punchcard.core.shared.domain.ChatChannel;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.punchcard.bot.conversation.ReachabilityListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TelegramWebhookRouteTest {

	@RegisterExtension
	static WireMockExtension telegram = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private TestTelegram.Edge edge;

	private Disposable lanes;

	/** The route served by a Reactor Netty server of its own, as in the application. */
	private DisposableServer server;

	private WebTestClient client;

	@BeforeEach
	void setUp() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(TestTelegram.sentMessage()));
		TelegramProperties properties = TestTelegram.properties(telegram.baseUrl(), "mode=webhook",
				"webhook-max-body=4KB");
		this.edge = TestTelegram.Edge.over(properties, ReachabilityListener.IGNORE);
		this.lanes = this.edge.start();
		TelegramWebhookRoute route = new TelegramWebhookRoute(this.edge.intake(), properties, (MeterRegistry) null);
		this.server = HttpServer.create().host("127.0.0.1").port(0).route(route::apply).bindNow();
		this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.server.port()).build();
	}

	@AfterEach
	void stopLanes() {
		this.lanes.dispose();
		this.server.disposeNow();
	}

	@Test
	void should_answer_401_and_store_nothing_when_the_secret_is_missing() {
		this.client.post()
			.uri("/webhooks/telegram")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(TelegramFixtures.json("text_message.json"))
			.exchange()
			.expectStatus()
			.isUnauthorized();

		assertThat(this.edge.store().size()).isZero();
	}

	@Test
	void should_answer_401_and_store_nothing_when_the_secret_is_wrong() {
		deliver(TelegramFixtures.json("text_message.json"), TestTelegram.SECRET + "x").expectStatus().isUnauthorized();

		assertThat(this.edge.store().size()).isZero();
	}

	@Test
	void should_answer_400_and_store_nothing_when_the_body_is_not_json() {
		deliver("{\"update_id\": 1, \"message\": ", TestTelegram.SECRET).expectStatus().isBadRequest();

		assertThat(this.edge.store().size()).isZero();
	}

	@Test
	void should_answer_400_and_store_nothing_when_the_update_id_is_missing() {
		deliver("{\"message\": {\"text\": \"hi\"}}", TestTelegram.SECRET).expectStatus().isBadRequest();

		assertThat(this.edge.store().size()).isZero();
	}

	@Test
	void should_answer_413_and_store_nothing_when_the_body_is_over_the_limit() {
		deliver(TelegramFixtures.textMessage(1, 5, "x".repeat(5000)), TestTelegram.SECRET).expectStatus()
			.isEqualTo(413);

		assertThat(this.edge.store().size()).isZero();
	}

	@Test
	void should_store_answer_200_and_reply_once_when_a_valid_update_arrives() {
		deliver(TelegramFixtures.json("text_message.json"), TestTelegram.SECRET).expectStatus().isOk();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.edge.store().status(ChatChannel.TELEGRAM, "123456789")).isEqualTo("DONE"));
		assertThat(this.edge.conversation().handledIds()).containsExactly("123456789");
		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))).withRequestBody(
				equalToJson("{\"chat_id\":\"12345678\",\"text\":\"echo: aaaaaaaaaa\",\"parse_mode\":\"HTML\"}")));
	}

	@Test
	void should_answer_503_as_a_problem_so_telegram_delivers_again_when_the_update_cannot_be_stored() {
		String update = TelegramFixtures.json("text_message.json");
		this.edge.store().failNextStores(1);

		deliver(update, TestTelegram.SECRET).expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(503);
		deliver(update, TestTelegram.SECRET).expectStatus().isOk();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.edge.store().status(ChatChannel.TELEGRAM, "123456789")).isEqualTo("DONE"));
	}

	@Test
	void should_handle_an_update_once_when_telegram_delivers_it_twice() {
		String update = TelegramFixtures.json("start_deeplink.json");

		deliver(update, TestTelegram.SECRET).expectStatus().isOk();
		deliver(update, TestTelegram.SECRET).expectStatus().isOk();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.edge.store().status(ChatChannel.TELEGRAM, "734997090")).isEqualTo("DONE"));
		assertThat(this.edge.conversation().handledIds()).containsExactly("734997090");
		assertThat(this.edge.store().attempts(ChatChannel.TELEGRAM, "734997090")).isEqualTo(1);
		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))));
	}

	private WebTestClient.ResponseSpec deliver(String body, String secret) {
		return this.client.post()
			.uri("/webhooks/telegram")
			.header(TelegramWebhookRoute.SECRET_HEADER, secret)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
