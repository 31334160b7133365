package dev.punchcard.bot.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import dev.punchcard.bot.conversation.BotReply;
import dev.punchcard.bot.conversation.ChatSender;
import dev.punchcard.bot.conversation.MessageNotAllowedException;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.conversation.RecipientUnreachableException;
import dev.punchcard.bot.reply.Texts;
import dev.punchcard.core.customer.application.ChatAddress;
import dev.punchcard.core.customer.application.ChatIdentities;
import dev.punchcard.core.customer.application.ChatMember;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.notification.application.NotificationPayload;
import dev.punchcard.core.notification.application.OutboxRelay;
import dev.punchcard.core.notification.application.PendingNotification;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which chat gets a notification: the member's first usable one (the one they wrote from
 * last), the next when a channel cannot take it, none twice, and FAILED with the reasons
 * when none is left.
 */
class NotificationDispatcherTest {

	private static final CustomerId MEMBER = CustomerId.random();

	private static final NotificationPayload CREDITED = new NotificationPayload.PointsCredited("p-1", "Main St", 2_000,
			"EUR", 20, 120, "Silver");

	private final Relay relay = new Relay();

	private final Addresses identities = new Addresses();

	private final Sender whatsApp = new Sender(ChatChannel.WHATSAPP);

	private final Sender telegram = new Sender(ChatChannel.TELEGRAM);

	private final NotificationDispatcher dispatcher = new NotificationDispatcher(this.relay, this.identities,
			List.of(this.whatsApp, this.telegram), new NotificationTexts(new Texts()), Clock.systemUTC());

	@Test
	void should_send_one_notice_to_the_first_chat_with_its_fields_and_record_the_channel() {
		this.identities.add(ChatChannel.WHATSAPP, "16505551234", true);
		this.identities.add(ChatChannel.TELEGRAM, "42", true);

		deliver(pending(Set.of(), false));

		assertThat(this.whatsApp.sent).hasSize(1);
		assertThat(this.telegram.sent).isEmpty();
		OutgoingMessage.Notice notice = this.whatsApp.sent.get(0);
		assertThat(notice.kind()).isEqualTo("PointsCredited");
		assertThat(notice.fields()).containsEntry("points", "20")
			.containsEntry("store", "Main St")
			.containsEntry("balance", "120")
			.containsEntry("tier", "Silver");
		assertThat(notice.fields().get("amount")).contains("20");
		assertThat(notice.templateOnly()).isFalse();
		assertThat(notice.notificationId()).isEqualTo(this.relay.id);
		assertThat(this.relay.events).containsExactly("sent WHATSAPP");
	}

	@Test
	void should_pass_a_template_only_notice_on_and_try_the_next_channel_when_one_refuses_it() {
		this.identities.add(ChatChannel.WHATSAPP, "16505551234", true);
		this.identities.add(ChatChannel.TELEGRAM, "42", true);
		this.whatsApp.answer = (reply) -> Mono
			.error(new MessageNotAllowedException("16505551234", "WhatsApp template points_credited refused"));

		deliver(pending(Set.of(), true));

		assertThat(this.whatsApp.sent).singleElement()
			.satisfies((notice) -> assertThat(notice.templateOnly()).isTrue());
		assertThat(this.telegram.sent).hasSize(1);
		assertThat(this.relay.events).containsExactly("sent TELEGRAM");
	}

	@Test
	void should_fail_the_notification_with_every_reason_when_no_chat_can_take_it() {
		this.identities.add(ChatChannel.WHATSAPP, "16505551234", true);
		this.identities.add(ChatChannel.TELEGRAM, "42", true);
		this.identities.add(ChatChannel.TELEGRAM, "43", false);
		this.telegram.answer = (reply) -> Mono.error(new RecipientUnreachableException("42"));

		deliver(pending(Set.of(ChatChannel.WHATSAPP), false));

		assertThat(this.whatsApp.sent).isEmpty();
		assertThat(this.identities.unreachable).containsExactly("TELEGRAM 42");
		assertThat(this.relay.events).singleElement()
			.asString()
			.startsWith("failed no reachable chat (")
			.contains("WHATSAPP failed it before", "TELEGRAM unreachable");
	}

	@Test
	void should_retry_later_and_send_nowhere_else_when_the_first_channel_fails_for_a_moment() {
		this.identities.add(ChatChannel.WHATSAPP, "16505551234", true);
		this.identities.add(ChatChannel.TELEGRAM, "42", true);
		this.whatsApp.answer = (reply) -> Mono.error(new IllegalStateException("Graph API got no answer"));

		deliver(pending(Set.of(), false));

		assertThat(this.telegram.sent).as("a passing failure is not a reason for a second chat").isEmpty();
		assertThat(this.relay.events).singleElement().asString().startsWith("retry IllegalStateException");
	}

	private void deliver(PendingNotification notification) {
		this.dispatcher.deliver(notification).as(StepVerifier::create).verifyComplete();
	}

	private PendingNotification pending(Set<ChatChannel> excluded, boolean templateOnly) {
		return new PendingNotification(this.relay.id, MEMBER, "credit:p-1", CREDITED, 1, excluded, templateOnly);
	}

	private static final class Sender implements ChatSender {

		private final ChatChannel channel;

		final List<OutgoingMessage.Notice> sent = new CopyOnWriteArrayList<>();

		Function<BotReply, Mono<Void>> answer = (reply) -> Mono.empty();

		Sender(ChatChannel channel) {
			this.channel = channel;
		}

		@Override
		public ChatChannel channel() {
			return this.channel;
		}

		@Override
		public Mono<Void> send(BotReply reply) {
			reply.messages().forEach((message) -> this.sent.add((OutgoingMessage.Notice) message));
			return this.answer.apply(reply);
		}

	}

	private static final class Relay implements OutboxRelay {

		final UUID id = UUID.randomUUID();

		final List<String> events = new CopyOnWriteArrayList<>();

		@Override
		public Flux<PendingNotification> claimDue(int limit, Duration lease) {
			return Flux.empty();
		}

		@Override
		public Mono<Void> markSent(UUID id, ChatChannel channel) {
			return Mono.fromRunnable(() -> this.events.add("sent " + channel));
		}

		@Override
		public Mono<Void> retryAt(UUID id, Instant at, String error) {
			return Mono.fromRunnable(() -> this.events.add("retry " + error));
		}

		@Override
		public Mono<Void> markFailed(UUID id, String error) {
			return Mono.fromRunnable(() -> this.events.add("failed " + error));
		}

		@Override
		public Mono<Boolean> redeliver(UUID id, ChatChannel failedOn, boolean asTemplate, String why) {
			return Mono.error(new UnsupportedOperationException());
		}

	}

	private static final class Addresses implements ChatIdentities {

		final List<ChatAddress> addresses = new ArrayList<>();

		final List<String> unreachable = new CopyOnWriteArrayList<>();

		void add(ChatChannel channel, String id, boolean reachable) {
			this.addresses.add(new ChatAddress(MEMBER, channel, id, id, "en", reachable));
		}

		@Override
		public Mono<Customer> findCustomer(ChatChannel channel, String externalId) {
			return Mono.empty();
		}

		@Override
		public Mono<ChatMember> findMember(ChatChannel channel, String externalId) {
			return Mono.empty();
		}

		@Override
		public Mono<Boolean> link(CustomerId customerId, ChatChannel channel, String externalId, String chatId,
				Instant at) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<Void> setReachable(ChatChannel channel, String externalId, boolean reachable, Instant at) {
			return Mono.fromRunnable(() -> this.unreachable.add(channel + " " + externalId));
		}

		@Override
		public Flux<ChatAddress> addressesOf(CustomerId customerId) {
			return Flux.fromIterable(this.addresses);
		}

	}

}
