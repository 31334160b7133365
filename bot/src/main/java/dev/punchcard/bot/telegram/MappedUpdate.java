package dev.punchcard.bot.telegram;

import dev.punchcard.bot.conversation.ChatEvent;
import org.jspecify.annotations.Nullable;

/** What a Telegram update means for the service. */
sealed interface MappedUpdate {

	/**
	 * Something for the conversation engine.
	 *
	 * @param event the event
	 * @param pressedOn for a button press, the message the button was under (as
	 * {@link TelegramBroadcastChannel#messageRef}), else null
	 */
	record Event(ChatEvent event, @Nullable String pressedOn) implements MappedUpdate {

		Event(ChatEvent event) {
			this(event, null);
		}

	}

	/**
	 * The user blocked ({@code reachable == false}) or unblocked the bot.
	 *
	 * @param userId the Telegram user id
	 * @param reachable whether messages can reach the user
	 */
	record Reachability(String userId, boolean reachable) implements MappedUpdate {
	}

	/**
	 * Nothing to do: a channel post, a group message, a command for another bot.
	 *
	 * @param why for the debug log
	 */
	record Ignored(String why) implements MappedUpdate {
	}

}
