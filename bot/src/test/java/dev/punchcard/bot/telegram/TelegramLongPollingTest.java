package dev.punchcard.bot.telegram;

import dev.punchcard.core.shared.domain.ChatChannel;
import java.time.Duration;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.punchcard.bot.conversation.ReachabilityListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TelegramLongPollingTest {

	@RegisterExtension
	static WireMockExtension telegram = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private TelegramLongPolling polling;

	private Disposable lanes;

	@AfterEach
	void stop() {
		if (this.polling != null) {
			this.polling.stop();
		}
		if (this.lanes != null) {
			this.lanes.dispose();
		}
	}

	@Test
	void should_store_handle_and_confirm_an_update_when_polling() {
		TestTelegram.Edge edge = pollOneUpdate(0);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(edge.store().status(ChatChannel.TELEGRAM, "123456789")).isEqualTo("DONE"));
		assertThat(edge.conversation().handledIds()).containsExactly("123456789");
		telegram.verify(postRequestedFor(urlEqualTo(TestTelegram.path("sendMessage"))).withRequestBody(
				equalToJson("{\"chat_id\":\"12345678\",\"text\":\"echo: aaaaaaaaaa\",\"parse_mode\":\"HTML\"}")));
		telegram.verify(postRequestedFor(anyCase("getUpdates"))
			.withRequestBody(matchingJsonPath("$.offset", equalTo("123456790")))
			.withRequestBody(matchingJsonPath("$.allowed_updates[2]", equalTo("my_chat_member"))));
	}

	@Test
	void should_hold_polling_until_an_update_is_stored_when_the_database_is_down() {
		TestTelegram.Edge edge = pollOneUpdate(3);

		// 0.2 + 0.4 + 0.8 s of back-off, then stored, handled and confirmed
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(edge.store().status(ChatChannel.TELEGRAM, "123456789")).isEqualTo("DONE"));
		assertThat(edge.conversation().handledIds()).containsExactly("123456789");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> telegram.verify(postRequestedFor(anyCase("getUpdates"))
				.withRequestBody(matchingJsonPath("$.offset", equalTo("123456790")))));
	}

	/**
	 * Starts polling a Bot API with one update to give, over a store whose first
	 * {@code failingStores} writes fail.
	 */
	private TestTelegram.Edge pollOneUpdate(int failingStores) {
		oneUpdateThenNone();
		TelegramProperties properties = TestTelegram.properties(telegram.baseUrl());
		TestTelegram.Edge edge = TestTelegram.Edge.over(properties, ReachabilityListener.IGNORE);
		edge.store().failNextStores(failingStores);
		this.lanes = edge.start();
		this.polling = new TelegramLongPolling(properties,
				new TelegramPollingConsumer(edge.intake(), Duration.ofSeconds(5)));
		this.polling.start();
		return edge;
	}

	/**
	 * A Bot API whose first getUpdates answers one text message, and every later one
	 * none.
	 */
	private static void oneUpdateThenNone() {
		telegram.stubFor(post(anyCase("deleteWebhook")).willReturn(TestTelegram.ok("true")));
		telegram.stubFor(post(anyCase("getUpdates")).inScenario("poll")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(TestTelegram.ok("[" + TelegramFixtures.json("text_message.json") + "]"))
			.willSetStateTo("drained"));
		telegram.stubFor(post(anyCase("getUpdates")).inScenario("poll")
			.whenScenarioStateIs("drained")
			.willReturn(TestTelegram.ok("[]").withFixedDelay(200)));
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(TestTelegram.sentMessage()));
	}

	/** TelegramBots spells some method names in lower case; the Bot API ignores case. */
	private static UrlPattern anyCase(String method) {
		return urlMatching("(?i)" + Pattern.quote(TestTelegram.path(method)));
	}

	@Test
	void should_point_telegrambots_at_the_configured_api_url() {
		assertThat(TelegramLongPolling.url(java.net.URI.create("http://127.0.0.1:8089")))
			.isEqualTo(new org.telegram.telegrambots.meta.TelegramUrl("http", "127.0.0.1", 8089, false));
		assertThat(TelegramLongPolling.url(java.net.URI.create("https://api.telegram.org")).getPort()).isEqualTo(443);
	}

}
