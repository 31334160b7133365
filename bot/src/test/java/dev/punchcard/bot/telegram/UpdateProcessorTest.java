package dev.punchcard.bot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UpdateProcessorTest {

	@RegisterExtension
	static WireMockExtension telegram = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final RecordingReachability reachability = new RecordingReachability();

	private Disposable lanes = () -> {
	};

	@AfterEach
	void stopLanes() {
		this.lanes.dispose();
	}

	@Test
	void should_handle_a_stored_update_when_the_sweeper_finds_it_unhandled() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(TestTelegram.sentMessage()));
		TestTelegram.Edge edge = start("intake.stale-after=100ms");
		// stored before a crash: never handled
		store(edge, TelegramFixtures.json("text_message.json"));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			edge.intake().reclaimStale().as(StepVerifier::create).verifyComplete();
			assertThat(edge.store().status(ChatChannel.TELEGRAM, "123456789")).isEqualTo("DONE");
		});
		assertThat(edge.conversation().handledIds()).containsExactly("123456789");
	}

	@Test
	void should_retry_a_failed_update_when_its_lease_ran_out() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(TestTelegram.error(400, "Bad Request: something odd"))
			.willSetStateTo("fine"));
		telegram.stubFor(post(TestTelegram.path("sendMessage")).inScenario("flaky")
			.whenScenarioStateIs("fine")
			.willReturn(TestTelegram.sentMessage()));
		TestTelegram.Edge edge = start("intake.stale-after=100ms", "intake.lease=1s",
				"intake.processing-timeout=900ms");

		submit(edge, TelegramFixtures.json("text_message.json"));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(edge.conversation().handledIds()).hasSize(1));
		assertThat(edge.store().status(ChatChannel.TELEGRAM, "123456789")).isEqualTo("PROCESSING");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			edge.intake().reclaimStale().as(StepVerifier::create).verifyComplete();
			assertThat(edge.store().status(ChatChannel.TELEGRAM, "123456789")).isEqualTo("DONE");
		});
		assertThat(edge.store().attempts(ChatChannel.TELEGRAM, "123456789")).isEqualTo(2);
	}

	@Test
	void should_give_up_an_update_when_it_failed_the_maximum_number_of_times() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(TestTelegram.error(400, "Bad Request")));
		TestTelegram.Edge edge = start("intake.max-attempts=1");

		submit(edge, TelegramFixtures.json("text_message.json"));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(edge.store().status(ChatChannel.TELEGRAM, "123456789")).isEqualTo("DONE"));
	}

	@Test
	void should_mark_the_user_unreachable_and_finish_when_they_blocked_the_bot() {
		telegram.stubFor(post(TestTelegram.path("sendMessage"))
			.willReturn(TestTelegram.error(403, "Forbidden: bot was blocked by the user")));
		TestTelegram.Edge edge = start();

		submit(edge, TelegramFixtures.json("text_message.json"));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(edge.store().status(ChatChannel.TELEGRAM, "123456789")).isEqualTo("DONE"));
		assertThat(this.reachability.changes()).containsExactly("TELEGRAM 12345678 false");
		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))));
	}

	@Test
	void should_tell_the_listener_without_asking_the_conversation_when_a_user_blocks_the_bot() {
		TestTelegram.Edge edge = start();

		submit(edge, TelegramFixtures.json("my_chat_member_kicked.json"));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(edge.store().status(ChatChannel.TELEGRAM, "734997100")).isEqualTo("DONE"));
		assertThat(this.reachability.changes()).containsExactly("TELEGRAM 123456789 false");
		assertThat(edge.conversation().handled()).isEmpty();
	}

	@Test
	void should_answer_a_button_press_after_the_reply_when_the_conversation_did_not() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(TestTelegram.sentMessage()));
		telegram.stubFor(post(TestTelegram.path("answerCallbackQuery")).willReturn(TestTelegram.ok("true")));
		TestTelegram.Edge edge = start();

		submit(edge, TelegramFixtures.json("callback_query.json"));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(edge.store().status(ChatChannel.TELEGRAM, "2")).isEqualTo("DONE"));
		telegram.verify(postRequestedFor(urlEqualTo(TestTelegram.path("answerCallbackQuery")))
			.withRequestBody(equalToJson("{\"callback_query_id\":\"666728699048485871\"}")));
		// newest first: the reply went out, then the press was answered
		assertThat(telegram.getAllServeEvents()).extracting((served) -> served.getRequest().getUrl())
			.containsExactly(TestTelegram.path("answerCallbackQuery"), TestTelegram.path("sendMessage"));
	}

	@Test
	void should_handle_the_updates_of_one_chat_one_at_a_time_in_arrival_order() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(TestTelegram.sentMessage()));
		TestTelegram.Edge edge = start();
		List<String> texts = List.of("slow first", "second", "slow third", "fourth", "fifth");

		IntStream.range(0, texts.size())
			.forEach((i) -> submit(edge, TelegramFixtures.textMessage(100 + i, 77, texts.get(i))));
		// another chat is not held up by the slow one
		submit(edge, TelegramFixtures.textMessage(200, 78, "other chat"));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(edge.conversation().handledIds()).hasSize(6));
		assertThat(edge.conversation().handledIds().stream().filter((id) -> id.startsWith("10"))).containsExactly("100",
				"101", "102", "103", "104");
		assertThat(edge.conversation().handledIds().get(0)).isEqualTo("200");
	}

	@Test
	void should_renew_the_claim_of_an_update_that_waited_long_in_its_lane_and_handle_it() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(TestTelegram.sentMessage()));
		// "second" waits about 300 ms behind "slow first": longer than lease minus
		// processing timeout (200 ms), so its claim might run out while it is handled
		TestTelegram.Edge edge = start("intake.lease=1s", "intake.processing-timeout=800ms");

		submit(edge, TelegramFixtures.textMessage(100, 77, "slow first"));
		submit(edge, TelegramFixtures.textMessage(101, 77, "second"));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(edge.store().status(ChatChannel.TELEGRAM, "101")).isEqualTo("DONE"));
		assertThat(edge.conversation().handledIds()).containsExactly("100", "101");
		assertThat(edge.store().renewals()).isEqualTo(1);
		assertThat(edge.store().attempts(ChatChannel.TELEGRAM, "101")).isEqualTo(1);
	}

	@Test
	void should_skip_an_update_that_was_claimed_again_while_it_waited_in_its_lane() throws InterruptedException {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(TestTelegram.sentMessage()));
		TestTelegram.Edge edge = start("intake.lease=1s", "intake.processing-timeout=800ms");

		submit(edge, TelegramFixtures.textMessage(100, 77, "slow first"));
		submit(edge, TelegramFixtures.textMessage(101, 77, "second"));
		// its lease is taken to have run out, and another worker holds it now
		edge.store().claimedElsewhere(ChatChannel.TELEGRAM, "101");

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(edge.store().status(ChatChannel.TELEGRAM, "100")).isEqualTo("DONE"));
		Thread.sleep(300);
		assertThat(edge.conversation().handledIds()).containsExactly("100");
		assertThat(edge.store().status(ChatChannel.TELEGRAM, "101")).isEqualTo("PROCESSING");
	}

	@Test
	void should_mark_an_update_done_once_it_is_handled_without_claiming_it_again() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(TestTelegram.sentMessage()));
		TestTelegram.Edge edge = start();

		submit(edge, TelegramFixtures.json("text_message.json"));
		submit(edge, TelegramFixtures.json("text_message.json").replace("123456789", "123456790"));

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(edge.store().status(ChatChannel.TELEGRAM, "123456789")).isEqualTo("DONE");
			assertThat(edge.store().status(ChatChannel.TELEGRAM, "123456790")).isEqualTo("DONE");
		});
		assertThat(edge.store().attempts(ChatChannel.TELEGRAM, "123456789")).isEqualTo(1);
		assertThat(edge.store().attempts(ChatChannel.TELEGRAM, "123456790")).isEqualTo(1);
		assertThat(edge.store().renewals()).isZero();
	}

	@Test
	void should_store_updates_arriving_together_in_one_write_and_a_double_delivery_once() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(TestTelegram.sentMessage()));
		TestTelegram.Edge edge = start();
		edge.store().delayStores(Duration.ofMillis(200));
		String first = TelegramFixtures.textMessage(300, 90, "first");
		String second = TelegramFixtures.textMessage(301, 91, "second");

		// the first is written at once; the second arrives twice while that write is
		// under way, and both go into the next write
		var accepted = Mono.zip(accept(edge, first), accept(edge, second), accept(edge, second))
			.block(Duration.ofSeconds(5));

		assertThat(List.of(accepted.getT1(), accepted.getT2(), accepted.getT3())).containsExactly(true, true, false);
		assertThat(edge.store().storeWrites()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(edge.conversation().handledIds()).containsExactlyInAnyOrder("300", "301"));
		assertThat(edge.store().size()).isEqualTo(2);
	}

	private static Mono<Boolean> accept(TestTelegram.Edge edge, String json) {
		return edge.intake().accept(UpdateEnvelope.read(json).orElseThrow().received(json));
	}

	private TestTelegram.Edge start(String... settings) {
		TestTelegram.Edge edge = TestTelegram.Edge.over(TestTelegram.properties(telegram.baseUrl(), settings),
				this.reachability);
		this.lanes = edge.start();
		return edge;
	}

	private static void store(TestTelegram.Edge edge, String json) {
		UpdateEnvelope envelope = UpdateEnvelope.read(json).orElseThrow();
		// claimed by an instance that crashed at once: its claim runs out
		edge.store()
			.storeClaimed(ChatChannel.TELEGRAM, envelope.updateId(), envelope.chatKey(), json, Duration.ofMillis(1))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
	}

	private static void submit(TestTelegram.Edge edge, String json) {
		edge.intake()
			.accept(UpdateEnvelope.read(json).orElseThrow().received(json))
			.as(StepVerifier::create)
			.expectNext(true)
			.verifyComplete();
	}

}
