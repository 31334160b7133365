package dev.punchcard.webhooks.whatsapp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.punchcard.bot.broadcast.BroadcastFeedback;
import dev.punchcard.bot.broadcast.InMemoryBroadcastTracking;
import dev.punchcard.bot.conversation.BotReply;
import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.ChatInput;
import dev.punchcard.bot.conversation.ChatSender;
import dev.punchcard.bot.conversation.Conversation;
import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.conversation.ReachabilityListener;
import dev.punchcard.core.broadcast.application.BroadcastTracking.Delivery;
import dev.punchcard.core.chat.application.InMemoryOutgoingMessages;
import dev.punchcard.core.chat.application.StoredUpdate;
import dev.punchcard.core.consent.application.ChangeMarketingConsent;
import dev.punchcard.core.consent.application.InMemoryMarketingConsents;
import dev.punchcard.core.notification.application.OutboxRelay;
import dev.punchcard.core.notification.application.PendingNotification;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statuses of broadcast messages and button replies to them, from Meta-shaped webhooks,
 * reach the broadcast tracking; the member is always answered.
 */
class WhatsAppBroadcastFeedbackTest {

	private static final String MEMBER = "972987654321";

	private static final Instant AT = Instant.ofEpochSecond(1689380458);

	private final InMemoryBroadcastTracking tracking = new InMemoryBroadcastTracking();

	private final InMemoryMarketingConsents consents = new InMemoryMarketingConsents();

	private final List<String> reachability = new CopyOnWriteArrayList<>();

	private final List<ChatEvent> conversed = new CopyOnWriteArrayList<>();

	private final List<BotReply> replied = new CopyOnWriteArrayList<>();

	private final WhatsAppUpdateHandler handler = new WhatsAppUpdateHandler(conversation(), sender(),
			(ReachabilityListener) (channel, userId, reachable) -> Mono
				.fromRunnable(() -> this.reachability.add(channel + " " + userId + " " + reachable)),
			new InMemoryOutgoingMessages(), noNotifications(), new InMemoryServiceWindow(),
			new ChangeMarketingConsent(this.consents, TestClock.fixed()), (channel, id, alias) -> Mono.empty(),
			new BroadcastFeedback(this.tracking), null);

	@Test
	void should_record_delivered_read_and_failed_with_the_code_and_title_when_the_message_is_a_broadcasts() {
		this.tracking.sent(ChatChannel.WHATSAPP, "wamid.xyzxyz");

		handle(WhatsAppFixtures.json("status_sent.json"));
		handle(WhatsAppFixtures.json("status_read.json"));
		handle(WhatsAppFixtures.json("status_delivered.json"));
		handle(WhatsAppFixtures.json("status_failed.json"));

		assertThat(this.tracking.statuses()).containsExactly(
				new InMemoryBroadcastTracking.Status(ChatChannel.WHATSAPP, "wamid.xyzxyz", Delivery.READ, AT, null,
						null),
				new InMemoryBroadcastTracking.Status(ChatChannel.WHATSAPP, "wamid.xyzxyz", Delivery.DELIVERED,
						Instant.parse("2023-10-25T20:49:05Z"), null, null),
				new InMemoryBroadcastTracking.Status(ChatChannel.WHATSAPP, "wamid.xyzxyz", Delivery.FAILED, AT,
						"130472", "User's number is part of an experiment"));
		assertThat(this.reachability).isEmpty();
	}

	@Test
	void should_hand_a_status_over_as_a_broadcasts_when_it_carries_the_broadcast_mark_before_the_send_is_settled() {
		// no recipient has the wamid yet: only the mark says it is a broadcast's
		handle(WhatsAppFixtures.json("status_delivered.json")
			.replace("\"recipient_id\"",
					"\"biz_opaque_callback_data\": \"" + BroadcastFeedback.BROADCAST_MARK + "\", \"recipient_id\""));
		handle(WhatsAppFixtures.json("status_read.json"));

		assertThat(this.tracking.statuses()).containsExactly(new InMemoryBroadcastTracking.Status(ChatChannel.WHATSAPP,
				"wamid.xyzxyz", Delivery.DELIVERED, Instant.parse("2023-10-25T20:49:05Z"), null, null));
	}

	@Test
	void should_record_the_opt_out_when_a_broadcast_message_failed_because_the_member_stopped_marketing() {
		this.tracking.sent(ChatChannel.WHATSAPP, "wamid.xyzxyz");

		handle(WhatsAppFixtures.json("status_failed.json")
			.replace("130472", "131050")
			.replace("User's number is part of an experiment", "User has stopped marketing messages"));

		this.consents.optedOut(ChatChannel.WHATSAPP, MEMBER).as(StepVerifier::create).expectNext(true).verifyComplete();
		assertThat(this.tracking.statuses()).singleElement()
			.satisfies((status) -> assertThat(status.code()).isEqualTo("131050"));
	}

	@Test
	void should_mark_the_member_unreachable_when_a_broadcast_message_failed_with_131026() {
		this.tracking.sent(ChatChannel.WHATSAPP, "wamid.xyzxyz");

		handle(WhatsAppFixtures.json("status_failed.json")
			.replace("130472", "131026")
			.replace("User's number is part of an experiment", "Message undeliverable"));

		assertThat(this.reachability).containsExactly("WHATSAPP " + MEMBER + " false");
	}

	@Test
	void should_leave_the_opt_out_alone_when_the_failed_message_is_no_broadcasts() {
		handle(WhatsAppFixtures.json("status_failed.json").replace("130472", "131050"));

		assertThat(this.tracking.statuses()).isEmpty();
		this.consents.optedOut(ChatChannel.WHATSAPP, MEMBER)
			.as(StepVerifier::create)
			.expectNext(false)
			.verifyComplete();
	}

	@Test
	void should_count_a_templates_quick_reply_and_answer_the_member_when_it_replies_to_a_broadcast() {
		this.tracking.sent(ChatChannel.WHATSAPP, "wamid.xyzxyz==");

		handle(WhatsAppFixtures.json("inbound_template_quick_reply_button.json"));

		assertThat(this.tracking.buttons()).containsExactly(
				new InMemoryBroadcastTracking.Button(ChatChannel.WHATSAPP, "wamid.xyzxyz==", "callback_data"));
		assertThat(this.conversed).singleElement()
			.satisfies((event) -> assertThat(event.input()).isEqualTo(new ChatInput.Text("title")));
		assertThat(this.replied).hasSize(1);
	}

	@Test
	void should_stop_promotions_whatever_the_button_says_when_its_payload_is_stop_promotions() {
		this.tracking.sent(ChatChannel.WHATSAPP, "wamid.xyzxyz==");

		handle(WhatsAppFixtures.json("inbound_template_quick_reply_button.json")
			.replace("\"callback_data\"", "\"STOP_PROMOTIONS\"")
			.replace("\"title\"", "\"Больше не присылать\""));

		assertThat(this.tracking.buttons()).containsExactly(
				new InMemoryBroadcastTracking.Button(ChatChannel.WHATSAPP, "wamid.xyzxyz==", "STOP_PROMOTIONS"));
		assertThat(this.conversed).singleElement()
			.satisfies((event) -> assertThat(event.input()).isEqualTo(new ChatInput.Command("stop", "")));
		assertThat(this.replied).as("the member is told").hasSize(1);
	}

	@Test
	void should_count_a_reply_button_by_its_id_when_it_replies_to_a_broadcast() {
		String repliedTo = "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBJBM0Y4RUU0RUNFQkFDMjYzQUMA";
		this.tracking.sent(ChatChannel.WHATSAPP, repliedTo);

		handle(WhatsAppFixtures.json("inbound_button_reply.json"), "106540352242922");

		assertThat(this.tracking.buttons())
			.containsExactly(new InMemoryBroadcastTracking.Button(ChatChannel.WHATSAPP, repliedTo, "change-button"));
		assertThat(this.replied).hasSize(1);
	}

	@Test
	void should_answer_a_quick_reply_as_usual_when_it_replies_to_no_broadcast() {
		handle(WhatsAppFixtures.json("inbound_template_quick_reply_button.json"));

		assertThat(this.tracking.buttons()).isEmpty();
		assertThat(this.replied).hasSize(1);
	}

	private void handle(String webhook) {
		handle(webhook, WhatsAppFixtures.PHONE_NUMBER_ID);
	}

	private void handle(String webhook, String phoneNumberId) {
		String payload = new WebhookBatch(phoneNumberId).split(webhook.getBytes(StandardCharsets.UTF_8))
			.orElseThrow()
			.get(0)
			.payload();
		this.handler.handle(new StoredUpdate(ChatChannel.WHATSAPP, UUID.randomUUID().toString(), MEMBER, payload, 1))
			.as(StepVerifier::create)
			.verifyComplete();
	}

	private Conversation conversation() {
		return (event) -> Mono.fromSupplier(() -> {
			this.conversed.add(event);
			return BotReply.to(event, OutgoingMessage.Text.of(MarkedText.plain("ok")));
		});
	}

	private ChatSender sender() {
		return new ChatSender() {

			@Override
			public ChatChannel channel() {
				return ChatChannel.WHATSAPP;
			}

			@Override
			public Mono<Void> send(BotReply reply) {
				return Mono.fromRunnable(() -> WhatsAppBroadcastFeedbackTest.this.replied.add(reply));
			}

		};
	}

	private static OutboxRelay noNotifications() {
		return new OutboxRelay() {

			@Override
			public Flux<PendingNotification> claimDue(int limit, Duration lease) {
				return Flux.empty();
			}

			@Override
			public Mono<Void> markSent(UUID id, ChatChannel channel) {
				return Mono.empty();
			}

			@Override
			public Mono<Void> retryAt(UUID id, Instant at, String error) {
				return Mono.empty();
			}

			@Override
			public Mono<Void> markFailed(UUID id, String error) {
				return Mono.empty();
			}

			@Override
			public Mono<Boolean> redeliver(UUID id, ChatChannel failedOn, boolean asTemplate, String why) {
				return Mono.just(false);
			}

		};
	}

}
