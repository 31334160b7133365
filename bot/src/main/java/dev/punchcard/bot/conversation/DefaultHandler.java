package dev.punchcard.bot.conversation;

import java.util.List;

import reactor.core.publisher.Mono;

/** Answers a text, photo or contact that arrives outside any flow. */
public interface DefaultHandler {

	/** Whether it answers this kind of input. */
	boolean accepts(ChatInput input);

	/** Emits the messages to send. */
	Mono<List<OutgoingMessage>> handle(ChatContext context);

}
