package dev.punchcard.bot.conversation;

import java.util.List;

import reactor.core.publisher.Mono;

/** Continues a multi-step flow with the user's next text, photo or contact. */
public interface FlowHandler {

	/** The flow's name, as stored in {@link FlowState#flow()}. */
	String flow();

	/** Emits the messages to send for the next step. */
	Mono<List<OutgoingMessage>> resume(ChatContext context, FlowState state, ChatInput input);

	/** The message key explaining that this flow expired. */
	String expiredKey();

}
