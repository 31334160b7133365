package dev.punchcard.bot.conversation;

/**
 * The platform refuses delivery for good: the user blocked the bot or deleted their
 * account.
 */
public class RecipientUnreachableException extends RuntimeException {

	public RecipientUnreachableException(String chatId) {
		super("chat " + chatId + " is unreachable");
	}

}
