package dev.punchcard.bot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.punchcard.bot.conversation.BotReply;
import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.ChatInput;
import dev.punchcard.bot.conversation.Conversation;
import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.OutgoingMessage;
import reactor.core.publisher.Mono;

/** Answers texts with {@code echo: <text>} and remembers every event it handled. */
class FakeConversation implements Conversation {

	private final List<ChatEvent> handled = new CopyOnWriteArrayList<>();

	/**
	 * Texts starting with {@code slow} take 300 ms; events are recorded when handling
	 * ends.
	 */
	@Override
	public Mono<BotReply> handle(ChatEvent event) {
		boolean slow = event.input() instanceof ChatInput.Text text && text.text().startsWith("slow");
		return Mono.delay(Duration.ofMillis(slow ? 300 : 0)).then(Mono.fromSupplier(() -> {
			this.handled.add(event);
			return BotReply.to(event, OutgoingMessage.Text.of(MarkedText.plain(answer(event.input()))));
		}));
	}

	List<ChatEvent> handled() {
		return List.copyOf(this.handled);
	}

	List<String> handledIds() {
		return this.handled.stream().map(ChatEvent::eventId).toList();
	}

	void clear() {
		this.handled.clear();
	}

	private static String answer(ChatInput input) {
		return switch (input) {
			case ChatInput.Text text -> "echo: " + text.text();
			case ChatInput.Command command -> "command " + command.name();
			default -> "got " + input.kind();
		};
	}

}
