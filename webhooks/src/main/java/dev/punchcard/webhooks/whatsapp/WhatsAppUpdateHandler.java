package dev.punchcard.webhooks.whatsapp;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.ChatSender;
import dev.punchcard.bot.conversation.Conversation;
import dev.punchcard.bot.conversation.ReachabilityListener;
import dev.punchcard.bot.conversation.RecipientUnreachableException;
import dev.punchcard.bot.intake.StoredUpdateHandler;
import dev.punchcard.core.chat.application.StoredUpdate;
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

	WhatsAppUpdateHandler(Conversation conversation, ChatSender sender, ReachabilityListener reachability) {
		this.conversation = conversation;
		this.sender = sender;
		this.reachability = reachability;
	}

	@Override
	public Mono<Void> handle(StoredUpdate stored) {
		return read(stored).map(WhatsAppUpdates::read).flatMap(this::dispatch);
	}

	private Mono<Void> dispatch(WhatsAppUpdate update) {
		return switch (update) {
			case WhatsAppUpdate.Event event -> converse(event.event());
			case WhatsAppUpdate.Status status -> Mono.fromRunnable(() -> log
				.debug("WhatsApp status {} for {} (error {})", status.status(), status.wamid(), status.errorCode()));
			case WhatsAppUpdate.Preference preference -> Mono.fromRunnable(
					() -> log.info("WhatsApp marketing preference {} {} received; consent is not recorded yet",
							preference.category(), preference.value()));
			case WhatsAppUpdate.Ignored ignored -> Mono.fromRunnable(() -> log.debug("Ignored: {}", ignored.why()));
		};
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
