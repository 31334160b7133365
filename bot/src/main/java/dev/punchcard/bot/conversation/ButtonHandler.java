package dev.punchcard.bot.conversation;

import java.util.List;

import reactor.core.publisher.Mono;

/** Answers presses of inline buttons whose data starts with {@code prefix + ":"}. */
public interface ButtonHandler {

	/** The data prefix it owns, without the colon. */
	String prefix();

	/**
	 * Emits the messages to send for the press; {@code data} is the part after the prefix
	 * and colon (untrusted).
	 */
	Mono<List<OutgoingMessage>> press(ChatContext context, String data);

}
