package dev.punchcard.bot.telegram;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.punchcard.bot.broadcast.BroadcastFeedback;
import dev.punchcard.bot.broadcast.InMemoryBroadcastTracking;
import dev.punchcard.bot.conversation.ChatInput;
import dev.punchcard.core.chat.application.StoredUpdate;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** A press of a button under a broadcast's message, from the recorded callback_query. */
class TelegramBroadcastButtonsTest {

	@RegisterExtension
	static WireMockExtension telegram = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final InMemoryBroadcastTracking tracking = new InMemoryBroadcastTracking();

	private final FakeConversation conversation = new FakeConversation();

	private final UpdateHandler handler = handler(new BroadcastFeedback(this.tracking));

	@Test
	void should_count_the_press_for_the_broadcast_and_answer_it_when_the_message_is_a_broadcasts() {
		stubAnswers();
		this.tracking.sent(ChatChannel.TELEGRAM, "222222222:69587");

		this.handler.handle(stored()).as(StepVerifier::create).verifyComplete();

		assertThat(this.tracking.buttons())
			.containsExactly(new InMemoryBroadcastTracking.Button(ChatChannel.TELEGRAM, "222222222:69587", "thedata"));
		assertThat(this.conversation.handled()).singleElement()
			.satisfies((event) -> assertThat(event.input()).isInstanceOf(ChatInput.ButtonPress.class));
		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("answerCallbackQuery"))));
	}

	@Test
	void should_answer_the_press_as_usual_when_the_message_is_no_broadcasts() {
		stubAnswers();

		this.handler.handle(stored()).as(StepVerifier::create).verifyComplete();

		assertThat(this.tracking.buttons()).isEmpty();
		assertThat(this.conversation.handled()).hasSize(1);
		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("answerCallbackQuery"))));
	}

	@Test
	void should_still_answer_the_member_when_the_count_cannot_be_recorded() {
		stubAnswers();
		UpdateHandler broken = handler(new BroadcastFeedback(new InMemoryBroadcastTracking() {
			@Override
			public Mono<Boolean> recordButton(ChatChannel channel, String messageId, String button) {
				return Mono.error(new IllegalStateException("database down (test)"));
			}
		}));

		broken.handle(stored()).as(StepVerifier::create).verifyComplete();

		assertThat(this.conversation.handled()).hasSize(1);
		telegram.verify(1, postRequestedFor(urlEqualTo(TestTelegram.path("answerCallbackQuery"))));
	}

	private UpdateHandler handler(BroadcastFeedback feedback) {
		TelegramProperties properties = TestTelegram.properties(telegram.baseUrl());
		TelegramChatSender sender = new TelegramChatSender(TestTelegram.api(properties),
				new SendRateLimiter(properties.rateLimits(), Schedulers.parallel()));
		return new UpdateHandler(new TelegramUpdates(new BotIdentity("thebot"), properties.photoMaxBytes().toBytes()),
				this.conversation, sender, new RecordingReachability(), feedback);
	}

	private static void stubAnswers() {
		telegram.stubFor(post(TestTelegram.path("sendMessage")).willReturn(TestTelegram.sentMessage()));
		telegram.stubFor(post(TestTelegram.path("answerCallbackQuery")).willReturn(TestTelegram.ok("true")));
	}

	private static StoredUpdate stored() {
		return new StoredUpdate(ChatChannel.TELEGRAM, "2", "222222222", TelegramFixtures.json("callback_query.json"),
				1);
	}

}
