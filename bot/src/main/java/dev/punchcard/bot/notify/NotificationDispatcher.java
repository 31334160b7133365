package dev.punchcard.bot.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.punchcard.bot.conversation.BotReply;
import dev.punchcard.bot.conversation.ChatSender;
import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.conversation.MessageNotAllowedException;
import dev.punchcard.bot.conversation.RecipientUnreachableException;
import dev.punchcard.core.customer.application.ChatAddress;
import dev.punchcard.core.customer.application.ChatIdentities;
import dev.punchcard.core.notification.application.OutboxRelay;
import dev.punchcard.core.notification.application.PendingNotification;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Delivers one claimed notification: to the customer's first reachable chat on a channel
 * we can send to. Success settles it; a blocked bot marks that chat unreachable and tries
 * the next; a channel that refuses the message for now (WhatsApp outside its 24-hour
 * window) is passed over for the next; a passing failure is retried with exponential
 * backoff up to {@link #MAX_ATTEMPTS}.
 */
class NotificationDispatcher {

	static final int MAX_ATTEMPTS = 8;

	private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

	private final OutboxRelay relay;

	private final ChatIdentities identities;

	private final Map<ChatChannel, ChatSender> senders;

	private final NotificationTexts texts;

	private final Clock clock;

	NotificationDispatcher(OutboxRelay relay, ChatIdentities identities, List<ChatSender> senders,
			NotificationTexts texts, Clock clock) {
		this.relay = relay;
		this.identities = identities;
		this.senders = senders.stream().collect(Collectors.toUnmodifiableMap(ChatSender::channel, Function.identity()));
		this.texts = texts;
		this.clock = clock;
	}

	/** Settles the notification one way or another; never errors. */
	Mono<Void> deliver(PendingNotification notification) {
		return this.identities.addressesOf(notification.customerId())
			.filter((address) -> address.reachable() && this.senders.containsKey(address.channel()))
			.concatMap((address) -> sendTo(address, notification).thenReturn(true)
				.onErrorResume(RecipientUnreachableException.class, (blocked) -> unreachable(address).thenReturn(false))
				.onErrorResume(MessageNotAllowedException.class, (refused) -> notAllowed(address, refused)))
			.filter(Boolean::booleanValue)
			.next()
			.flatMap((sent) -> this.relay.markSent(notification.id()).thenReturn(true))
			.switchIfEmpty(
					Mono.defer(() -> this.relay.markFailed(notification.id(), "no reachable chat").thenReturn(false)))
			.then()
			.onErrorResume((error) -> retryOrGiveUp(notification, error));
	}

	private Mono<Void> sendTo(ChatAddress address, PendingNotification notification) {
		MarkedText text = this.texts.render(notification.payload(), address.language());
		return this.senders.get(address.channel())
			.send(new BotReply(address.channel(), address.chatId(), List.of(OutgoingMessage.Text.of(text))));
	}

	/**
	 * The channel refuses this message now (not for good): the next channel may take it.
	 */
	private Mono<Boolean> notAllowed(ChatAddress address, MessageNotAllowedException refused) {
		log.info("{} refused a notification: {}; trying the next channel", address.channel(), refused.getMessage());
		return Mono.just(false);
	}

	private Mono<Void> unreachable(ChatAddress address) {
		return this.identities.setReachable(address.channel(), address.externalId(), false, this.clock.instant());
	}

	private Mono<Void> retryOrGiveUp(PendingNotification notification, Throwable error) {
		String why = error.getClass().getSimpleName();
		if (notification.attempts() >= MAX_ATTEMPTS) {
			log.error("giving up on notification {} after {} attempts", notification.idempotencyKey(),
					notification.attempts(), error);
			return this.relay.markFailed(notification.id(), why);
		}
		Duration backoff = Duration.ofSeconds(Math.min(3600, 5L << Math.min(notification.attempts(), 10)));
		log.warn("notification {} failed (attempt {}), retrying in {}: {}", notification.idempotencyKey(),
				notification.attempts(), backoff, why);
		return this.relay.retryAt(notification.id(), this.clock.instant().plus(backoff), why);
	}

}
