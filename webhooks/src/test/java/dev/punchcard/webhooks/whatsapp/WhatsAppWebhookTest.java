package dev.punchcard.webhooks.whatsapp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import dev.punchcard.bot.intake.DurableIntake;
import dev.punchcard.bot.intake.InMemoryInboundUpdates;
import dev.punchcard.core.chat.application.StoredUpdate;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WhatsAppWebhookTest {

	private final InMemoryInboundUpdates store = new InMemoryInboundUpdates(Clock.systemUTC());

	private final List<StoredUpdate> handled = new CopyOnWriteArrayList<>();

	private final WebhookSignature signature = new WebhookSignature(WhatsAppFixtures.APP_SECRET);

	private WebTestClient client;

	/** The route served by a Reactor Netty server of its own, as in the application. */
	private DisposableServer server;

	private WebTestClient webhook;

	private Disposable running;

	@BeforeEach
	void startEdge() {
		WhatsAppProperties properties = TestWhatsApp.properties("http://127.0.0.1:9", "webhook-max-body=64KB");
		DurableIntake intake = new DurableIntake(ChatChannel.WHATSAPP, this.store,
				(update) -> Mono.fromRunnable(() -> this.handled.add(update)), properties.intake(),
				Schedulers.parallel());
		this.running = intake.run().subscribe();
		this.client = WebTestClient.bindToController(new WhatsAppWebhookController(properties)).build();
		WhatsAppWebhookRoute route = new WhatsAppWebhookRoute(new WhatsAppWebhookReceiver(intake, properties), null);
		this.server = HttpServer.create().host("127.0.0.1").port(0).route(route::apply).bindNow();
		this.webhook = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.server.port()).build();
	}

	@AfterEach
	void stopEdge() {
		this.running.dispose();
		this.server.disposeNow();
	}

	@Test
	void should_echo_the_challenge_when_the_verify_token_matches() {
		this.client.get()
			.uri("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
					+ WhatsAppFixtures.VERIFY_TOKEN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.isEqualTo("1158201444");
	}

	@Test
	void should_refuse_the_handshake_when_the_token_or_mode_is_wrong() {
		for (String query : List.of("hub.mode=subscribe&hub.challenge=1&hub.verify_token=wrong",
				"hub.mode=subscribe&hub.challenge=1",
				"hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=" + WhatsAppFixtures.VERIFY_TOKEN,
				"hub.mode=subscribe&hub.verify_token=" + WhatsAppFixtures.VERIFY_TOKEN)) {
			this.client.get().uri("/webhooks/whatsapp?" + query).exchange().expectStatus().isForbidden();
		}
	}

	@Test
	void should_store_the_message_when_the_signature_of_a_body_with_non_ascii_names_is_right() throws Exception {
		// escaped as Meta sends it: Jörg 😀, and an emoji in the text
		String body = WhatsAppFixtures.textBatch(1, "wamid.sig-", "J\\u00f6rg \\ud83d\\ude00", "hi \\ud83d\\udc4b");

		post(body, this.signature.header(bytes(body))).expectStatus().isOk();

		assertThat(this.store.status(ChatChannel.WHATSAPP, "wamid.sig-0")).isNotNull();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(this.handled).hasSize(1));
		JsonNode stored = WebhookBatch.JSON.readTree(this.handled.get(0).payload());
		assertThat(stored.at("/contact/profile/name").asText()).isEqualTo("Jörg 😀");
		assertThat(stored.at("/message/text/body").asText()).isEqualTo("hi 👋");
		assertThat(this.handled.get(0).payload()).as("stored in ASCII").matches("\\p{ASCII}*");
	}

	@Test
	void should_answer_401_and_store_nothing_when_the_signature_is_missing_or_wrong() {
		String body = WhatsAppFixtures.textBatch(1, "wamid.bad-", "Ann", "hi");
		byte[] decoded = WhatsAppFixtures.textBatch(1, "wamid.bad-", "Änn", "hi").getBytes(StandardCharsets.UTF_8);

		post(body, null).expectStatus().isUnauthorized();
		post(body, "sha256=" + "ab".repeat(32)).expectStatus().isUnauthorized();
		post(body, this.signature.header(decoded)).expectStatus().isUnauthorized();
		post(body, new WebhookSignature("another-app").header(bytes(body))).expectStatus().isUnauthorized();

		assertThat(this.store.size()).isZero();
	}

	@Test
	void should_answer_400_and_store_nothing_when_a_signed_body_is_malformed() {
		String body = "{\"object\": \"whatsapp_business_account\", \"entry\": [";

		post(body, this.signature.header(bytes(body))).expectStatus().isBadRequest();

		assertThat(this.store.size()).isZero();
	}

	@Test
	void should_store_a_batch_of_50_once_and_handle_each_once_when_it_is_delivered_twice() {
		String body = WhatsAppFixtures.textBatch(50, "wamid.fifty-", "Ann", "points");
		// a store that takes a while, as a database does: the batch's items group up
		// behind the first
		this.store.delayStores(Duration.ofMillis(50));

		post(body, this.signature.header(bytes(body))).expectStatus().isOk();
		post(body, this.signature.header(bytes(body))).expectStatus().isOk();

		assertThat(this.store.size()).isEqualTo(50);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(this.handled).hasSize(50));
		assertThat(this.handled).extracting(StoredUpdate::updateId).doesNotHaveDuplicates();
		assertThat(this.store.storeWrites()).as("one batch, few statements").isLessThanOrEqualTo(4);
	}

	@Test
	void should_answer_413_when_the_body_is_over_the_limit() {
		String body = WhatsAppFixtures.textBatch(1, "wamid.big-", "Ann", "x".repeat(70_000));

		post(body, this.signature.header(bytes(body))).expectStatus().isEqualTo(413);

		assertThat(this.store.size()).isZero();
	}

	@Test
	void should_answer_413_as_a_problem_when_a_body_sent_in_chunks_passes_the_limit_and_store_nothing() {
		// no Content-Length: the limit is found while reading
		this.webhook.post()
			.uri("/webhooks/whatsapp")
			.contentType(MediaType.APPLICATION_JSON)
			.header(WhatsAppWebhookRoute.SIGNATURE_HEADER, "sha256=00")
			.body(Flux.just("{\"a\":\"" + "x".repeat(40_000), "y".repeat(40_000) + "\"}"), String.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(413);

		assertThat(this.store.size()).isZero();
	}

	@Test
	void should_answer_401_as_a_problem_and_leave_other_methods_to_webflux() {
		String body = WhatsAppFixtures.textBatch(1, "wamid.p-", "Ann", "hi");

		post(body, "sha256=" + "0".repeat(64)).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The X-Hub-Signature-256 header is missing or does not match the body.");
		this.webhook.put().uri("/webhooks/whatsapp").bodyValue(body).exchange().expectStatus().isNotFound();
		assertThat(this.store.size()).isZero();
	}

	@Test
	void should_store_a_batch_posted_with_a_query_string_in_the_callback_url() {
		String body = WhatsAppFixtures.textBatch(1, "wamid.q-", "Ann", "hi");

		this.webhook.post()
			.uri("/webhooks/whatsapp?source=meta")
			.contentType(MediaType.APPLICATION_JSON)
			.header(WhatsAppWebhookRoute.SIGNATURE_HEADER, this.signature.header(bytes(body)))
			.bodyValue(bytes(body))
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(this.store.size()).isEqualTo(1);
	}

	@Test
	void should_answer_503_so_meta_delivers_again_when_the_batch_cannot_be_stored() {
		String body = WhatsAppFixtures.textBatch(1, "wamid.down-", "Ann", "hi");
		this.store.failNextStores(1);

		post(body, this.signature.header(bytes(body))).expectStatus().isEqualTo(503);
		post(body, this.signature.header(bytes(body))).expectStatus().isOk();

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(this.handled).hasSize(1));
	}

	private WebTestClient.ResponseSpec post(String body, String signatureHeader) {
		WebTestClient.RequestBodySpec request = this.webhook.post()
			.uri("/webhooks/whatsapp")
			.contentType(MediaType.APPLICATION_JSON);
		if (signatureHeader != null) {
			request = request.header(WhatsAppWebhookRoute.SIGNATURE_HEADER, signatureHeader);
		}
		return request.bodyValue(bytes(body)).exchange();
	}

	private static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}

}
