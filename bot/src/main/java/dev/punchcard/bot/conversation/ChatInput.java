package dev.punchcard.bot.conversation;

import org.jspecify.annotations.Nullable;

/** What a chat event carries. */
public sealed interface ChatInput {

	/** A short name for logs; never the content. */
	default String kind() {
		return getClass().getSimpleName();
	}

	/**
	 * A command such as {@code /start s-main} (name {@code start}, argument
	 * {@code s-main}).
	 *
	 * @param name lower-case command name without the slash or a {@code @botname} suffix
	 * @param argument text after the command, trimmed; empty when none
	 */
	record Command(String name, String argument) implements ChatInput {
	}

	/** Free text that is not a command. */
	record Text(String text) implements ChatInput {
	}

	/**
	 * A shared phone contact.
	 *
	 * @param phoneNumber the number as the platform sent it (may lack a leading +)
	 * @param contactUserId the platform user the contact belongs to, when known; it must
	 * equal the sender for the contact to count as their own
	 */
	record SharedContact(String phoneNumber, @Nullable String contactUserId) implements ChatInput {
	}

	/**
	 * A photo; the edge picked the largest size within its download limit.
	 *
	 * @param fileId the platform's file reference, downloadable through the edge
	 * @param fileSize size in bytes when known, else 0
	 */
	record Photo(String fileId, long fileSize) implements ChatInput {
	}

	/**
	 * A press on an inline button.
	 *
	 * @param callbackId the platform's id of the press, to acknowledge it
	 * @param data the button's data (untrusted: anyone can forge it)
	 */
	record ButtonPress(String callbackId, String data) implements ChatInput {
	}

	/**
	 * Anything else (stickers, voice, locations): answered with a hint, never ignored.
	 */
	record Unsupported() implements ChatInput {
	}

}
