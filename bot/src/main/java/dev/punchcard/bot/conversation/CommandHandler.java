package dev.punchcard.bot.conversation;

import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

/** Answers one or more commands, such as {@code /profile}. */
public interface CommandHandler {

	/** The command names it answers, lower case without the slash. */
	Set<String> commands();

	/** Emits the messages to send; errors only for infrastructure failures. */
	Mono<List<OutgoingMessage>> handle(ChatContext context, String argument);

}
