package dev.punchcard.bot.conversation;

/**
 * The platform refuses this kind of message to this recipient for now, though the
 * recipient is reachable: on WhatsApp, a free-form message outside the 24-hour window
 * since the user last wrote (only templates may go then). Repeating the same message will
 * not help; another channel, or a template, may.
 */
public class MessageNotAllowedException extends RuntimeException {

	public MessageNotAllowedException(String chatId, String why) {
		super("a message to chat " + chatId + " is not allowed now: " + why, null, false, false);
	}

}
