package dev.punchcard.bot.telegram;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.punchcard.bot.broadcast.BroadcastFeedback;
import dev.punchcard.bot.conversation.BotReply;
import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.ChatInput;
import dev.punchcard.bot.conversation.ChatSender;
import dev.punchcard.bot.conversation.Conversation;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.conversation.ReachabilityListener;
import dev.punchcard.bot.conversation.RecipientUnreachableException;
import dev.punchcard.bot.intake.StoredUpdateHandler;
import dev.punchcard.core.chat.application.StoredUpdate;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import reactor.core.publisher.Mono;

/**
 * Handles one stored update: maps it, asks the conversation for a reply and sends it (a
 * button press is always answered), or records a block status. A recipient who blocked
 * the bot is recorded as unreachable, and that counts as handled. An update the library
 * cannot read is logged and dropped, since reading it again will not help.
 */
class UpdateHandler implements StoredUpdateHandler {

	private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

	private final TelegramUpdates mapping;

	private final Conversation conversation;

	private final ChatSender sender;

	private final ReachabilityListener reachability;

	private final BroadcastFeedback broadcasts;

	UpdateHandler(TelegramUpdates mapping, Conversation conversation, ChatSender sender,
			ReachabilityListener reachability) {
		this(mapping, conversation, sender, reachability, new BroadcastFeedback(null));
	}

	UpdateHandler(TelegramUpdates mapping, Conversation conversation, ChatSender sender,
			ReachabilityListener reachability, BroadcastFeedback broadcasts) {
		this.mapping = mapping;
		this.conversation = conversation;
		this.sender = sender;
		this.reachability = reachability;
		this.broadcasts = broadcasts;
	}

	@Override
	public Mono<Void> handle(StoredUpdate stored) {
		return read(stored).map(this.mapping::map).flatMap(this::dispatch);
	}

	private Mono<Void> dispatch(MappedUpdate update) {
		return switch (update) {
			case MappedUpdate.Event event -> counted(event).then(converse(event.event()));
			case MappedUpdate.Reachability change ->
				this.reachability.reachable(ChatChannel.TELEGRAM, change.userId(), change.reachable());
			case MappedUpdate.Ignored ignored -> Mono.fromRunnable(() -> log.debug("Ignored: {}", ignored.why()));
		};
	}

	/**
	 * A press of a button under a broadcast's message is counted for the broadcast; the
	 * press is answered like any other ({@code m:stop}, a template's "Stop promotions",
	 * stops promotions on this channel and says so).
	 */
	private Mono<Void> counted(MappedUpdate.Event event) {
		if (event.pressedOn() == null || !(event.event().input() instanceof ChatInput.ButtonPress press)) {
			return Mono.empty();
		}
		return this.broadcasts.button(ChatChannel.TELEGRAM, event.pressedOn(), press.data()).then();
	}

	private Mono<Void> converse(ChatEvent event) {
		return this.conversation.handle(event)
			.map((reply) -> answered(event, reply))
			.flatMap(this.sender::send)
			.onErrorResume(RecipientUnreachableException.class, (blocked) -> unreachable(event));
	}

	/**
	 * Telegram clients show a spinner on a pressed button until the press is answered, so
	 * a reply to a press always ends with an answer, added when the engine gave none.
	 */
	private static BotReply answered(ChatEvent event, BotReply reply) {
		if (!(event.input() instanceof ChatInput.ButtonPress press)
				|| reply.messages().stream().anyMatch(OutgoingMessage.ButtonAnswer.class::isInstance)) {
			return reply;
		}
		List<OutgoingMessage> messages = new ArrayList<>(reply.messages());
		messages.add(new OutgoingMessage.ButtonAnswer(press.callbackId(), null));
		return new BotReply(reply.channel(), reply.chatId(), messages);
	}

	private Mono<Void> unreachable(ChatEvent event) {
		log.info("Telegram chat {} is unreachable; {} not answered", event.chatId(), event);
		return this.reachability.reachable(ChatChannel.TELEGRAM, event.userId(), false);
	}

	private static Mono<Update> read(StoredUpdate stored) {
		return Mono.fromCallable(() -> TelegramJson.MAPPER.readValue(stored.payload(), Update.class))
			.onErrorResume(JsonProcessingException.class, (unreadable) -> {
				// the original message only: the full one quotes the payload, i.e. what
				// the user wrote
				log.error("Telegram update {} cannot be read and is dropped: {}", stored.updateId(),
						unreadable.getOriginalMessage());
				return Mono.empty();
			});
	}

}
