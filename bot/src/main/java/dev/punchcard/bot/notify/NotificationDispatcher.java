package dev.punchcard.bot.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Delivers one claimed notification to one of the member's chats, the one they wrote from
 * last first, on a channel we can send to; a notification goes to one chat at most.
 * Success settles it; a blocked bot marks that chat unreachable and tries the next; a
 * channel that refuses the message (WhatsApp outside its 24-hour window when its template
 * cannot go either) or has failed it before is passed over for the next; with none left
 * it is FAILED with the reasons. A passing failure is retried with exponential backoff up
 * to {@link #MAX_ATTEMPTS}.
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
		return Mono.defer(() -> {
			List<String> passedOver = new ArrayList<>();
			return this.identities.addressesOf(notification.customerId())
				.filter((address) -> usable(address, notification, passedOver))
				.concatMap((address) -> sendTo(address, notification).thenReturn(Optional.of(address.channel()))
					.onErrorResume(RecipientUnreachableException.class,
							(blocked) -> unreachable(address, passedOver).thenReturn(Optional.empty()))
					.onErrorResume(MessageNotAllowedException.class,
							(refused) -> notAllowed(address, refused, passedOver)))
				.filter(Optional::isPresent)
				.map(Optional::get)
				.next()
				.flatMap((channel) -> this.relay.markSent(notification.id(), channel).thenReturn(true))
				.switchIfEmpty(Mono
					.defer(() -> this.relay.markFailed(notification.id(), noChatLeft(passedOver)).thenReturn(false)));
		}).then().onErrorResume((error) -> retryOrGiveUp(notification, error));
	}

	private boolean usable(ChatAddress address, PendingNotification notification, List<String> passedOver) {
		if (!address.reachable()) {
			passedOver.add(address.channel() + " unreachable");
			return false;
		}
		if (notification.excludedChannels().contains(address.channel())) {
			passedOver.add(address.channel() + " failed it before");
			return false;
		}
		return this.senders.containsKey(address.channel());
	}

	private Mono<Void> sendTo(ChatAddress address, PendingNotification notification) {
		MarkedText text = this.texts.render(notification.payload(), address.language());
		OutgoingMessage.Notice notice = new OutgoingMessage.Notice(text, notification.payload().kind(),
				address.language(), NoticeFields.values(notification.payload()), notification.id(),
				notification.templateOnly());
		return this.senders.get(address.channel())
			.send(new BotReply(address.channel(), address.chatId(), List.of(notice)));
	}

	/**
	 * The channel refuses this message (not the member): the next channel may take it.
	 */
	private Mono<Optional<ChatChannel>> notAllowed(ChatAddress address, MessageNotAllowedException refused,
			List<String> passedOver) {
		log.info("{} refused a notification: {}; trying the next channel", address.channel(), refused.getMessage());
		passedOver.add(address.channel() + " refused it: " + refused.getMessage());
		return Mono.just(Optional.empty());
	}

	private static String noChatLeft(List<String> passedOver) {
		return passedOver.isEmpty() ? "no reachable chat" : "no reachable chat (" + String.join("; ", passedOver) + ")";
	}

	private Mono<Void> unreachable(ChatAddress address, List<String> passedOver) {
		passedOver.add(address.channel() + " unreachable");
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
