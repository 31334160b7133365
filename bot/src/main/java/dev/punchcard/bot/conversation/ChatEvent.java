package dev.punchcard.bot.conversation;

import java.util.Objects;

import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;

/**
 * Something a person did in a chat with the bot, already translated from the platform's
 * payload.
 *
 * @param eventId the platform's id of the update (Telegram {@code update_id}, WhatsApp
 * message id), for logs and deduplication
 * @param channel the platform
 * @param chatId where replies go
 * @param userId the sender's stable id on that platform
 * @param displayName the sender's name as the platform shows it (untrusted text)
 * @param languageCode the sender's client language (IETF tag, e.g. {@code ru}), when the
 * platform tells
 * @param input what they sent
 * @param verifiedPhone the sender's phone number in E.164 when the platform verified it
 * belongs to them (WhatsApp's {@code wa_id}); never a number anyone typed
 */
public record ChatEvent(String eventId, ChatChannel channel, String chatId, String userId, String displayName,
		@Nullable String languageCode, ChatInput input, @Nullable String verifiedPhone) {

	public ChatEvent {
		Objects.requireNonNull(chatId, "chatId");
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(input, "input");
	}

	/** An event from a platform that verified no phone number. */
	public ChatEvent(String eventId, ChatChannel channel, String chatId, String userId, String displayName,
			@Nullable String languageCode, ChatInput input) {
		this(eventId, channel, chatId, userId, displayName, languageCode, input, null);
	}

	/**
	 * The same event from the id the user's account is stored under (an edge that knows a
	 * user by two ids picks one).
	 */
	public ChatEvent withUserId(String knownId) {
		return new ChatEvent(this.eventId, this.channel, this.chatId, knownId, this.displayName, this.languageCode,
				this.input, this.verifiedPhone);
	}

	@Override
	public String toString() {
		// no names or message text in logs
		return "ChatEvent[" + this.channel + " " + this.eventId + ", " + this.input.kind() + "]";
	}

}
