package dev.punchcard.webhooks.whatsapp;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.ChatSender;
import dev.punchcard.bot.conversation.Conversation;
import dev.punchcard.bot.conversation.ReachabilityListener;
import dev.punchcard.bot.conversation.RecipientUnreachableException;
import dev.punchcard.bot.intake.StoredUpdateHandler;
import dev.punchcard.core.chat.application.DeliveryStatus;
import dev.punchcard.core.chat.application.OutgoingMessages;
import dev.punchcard.core.chat.application.StoredUpdate;
import dev.punchcard.core.customer.application.ChatAliases;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Handles one stored webhook item: a message is answered through the engine and sent; a
 * user WhatsApp cannot deliver to is recorded as unreachable, and that counts as handled.
 * Delivery statuses and preference changes are read and logged: what they change
 * (outgoing message states, marketing consent) is not built yet. An item that cannot be
 * read is logged and dropped, since reading it again will not help.
 */
class WhatsAppUpdateHandler implements StoredUpdateHandler {

	private static final Logger log = LoggerFactory.getLogger(WhatsAppUpdateHandler.class);

	private final Conversation conversation;

	private final ChatSender sender;

	private final ReachabilityListener reachability;

	private final OutgoingMessages outgoing;

	private final ChatAliases aliases;

	WhatsAppUpdateHandler(Conversation conversation, ChatSender sender, ReachabilityListener reachability,
			OutgoingMessages outgoing, ChatAliases aliases) {
		this.conversation = conversation;
		this.sender = sender;
		this.reachability = reachability;
		this.outgoing = outgoing;
		this.aliases = aliases;
	}

	@Override
	public Mono<Void> handle(StoredUpdate stored) {
		return read(stored).map(WhatsAppUpdates::read).flatMap(this::dispatch);
	}

	private Mono<Void> dispatch(WhatsAppUpdate update) {
		return switch (update) {
			case WhatsAppUpdate.Event event -> known(event).flatMap(this::converse);
			case WhatsAppUpdate.Status status -> delivery(status);
			case WhatsAppUpdate.Preference preference -> Mono.fromRunnable(
					() -> log.info("WhatsApp marketing preference {} {} received; consent is not recorded yet",
							preference.category(), preference.value()));
			case WhatsAppUpdate.Ignored ignored -> Mono.fromRunnable(() -> log.debug("Ignored: {}", ignored.why()));
		};
	}

	/**
	 * Moves the message's delivery status forward; a status WhatsApp may add later
	 * ({@code deleted}, {@code warning}, …) is logged and left.
	 */
	private Mono<Void> delivery(WhatsAppUpdate.Status status) {
		DeliveryStatus delivery = switch (status.status()) {
			case "sent" -> DeliveryStatus.SENT;
			case "delivered" -> DeliveryStatus.DELIVERED;
			case "read" -> DeliveryStatus.READ;
			case "failed" -> DeliveryStatus.FAILED;
			default -> null;
		};
		if (delivery == null) {
			return Mono.fromRunnable(() -> log.debug("WhatsApp status {} of {} left", status.status(), status.wamid()));
		}
		if (delivery == DeliveryStatus.FAILED) {
			log.info("WhatsApp message {} failed with error {}", status.wamid(), status.errorCode());
		}
		return this.outgoing.reported(ChatChannel.WHATSAPP, status.wamid(), delivery, status.errorCode()).then();
	}

	/**
	 * A sender with a BSUID is known by the id their account was stored under: the phone
	 * number, or the BSUID when they first came without one (the BSUID is kept as the
	 * account's alias, so a later message with only the BSUID finds them).
	 */
	private Mono<ChatEvent> known(WhatsAppUpdate.Event event) {
		String bsuid = event.identity().userId();
		if (bsuid == null) {
			return Mono.just(event.event());
		}
		return this.aliases.knownId(ChatChannel.WHATSAPP, event.event().userId(), bsuid)
			.map(event.event()::withUserId)
			.defaultIfEmpty(event.event());
	}

	private Mono<Void> converse(ChatEvent event) {
		return this.conversation.handle(event)
			.flatMap(this.sender::send)
			.onErrorResume(RecipientUnreachableException.class, (unreachable) -> unreachable(event));
	}

	private Mono<Void> unreachable(ChatEvent event) {
		log.info("WhatsApp user of {} is unreachable; not answered", event);
		return this.reachability.reachable(ChatChannel.WHATSAPP, event.userId(), false);
	}

	private static Mono<JsonNode> read(StoredUpdate stored) {
		return Mono.fromCallable(() -> WebhookBatch.JSON.readTree(stored.payload()))
			.onErrorResume(IOException.class, (unreadable) -> {
				log.error("WhatsApp update {} cannot be read and is dropped", stored.updateId());
				return Mono.empty();
			});
	}

}
