package dev.punchcard.bot.telegram;

import java.util.Comparator;
import java.util.List;

import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.ChatInput;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/**
 * Translates a Telegram {@link Update} into a {@link MappedUpdate}: messages and button
 * presses in private chats become chat events, {@code my_chat_member} becomes
 * reachability, everything else is ignored. Group chats are ignored on purpose: replies
 * show balances and cards, which do not belong in a group.
 */
final class TelegramUpdates {

	private final BotIdentity bot;

	private final long photoMaxBytes;

	TelegramUpdates(BotIdentity bot, long photoMaxBytes) {
		this.bot = bot;
		this.photoMaxBytes = photoMaxBytes;
	}

	MappedUpdate map(Update update) {
		String id = String.valueOf(update.getUpdateId());
		if (update.hasMessage()) {
			return message(id, update.getMessage(), false);
		}
		if (update.hasEditedMessage()) {
			return message(id, update.getEditedMessage(), true);
		}
		if (update.hasCallbackQuery()) {
			return callback(id, update.getCallbackQuery());
		}
		if (update.getMyChatMember() != null) {
			return reachability(update.getMyChatMember());
		}
		return new MappedUpdate.Ignored("no message, button press or block status");
	}

	private MappedUpdate message(String id, Message message, boolean edited) {
		User from = message.getFrom();
		if (from == null || from.getId() == null || message.getChat() == null || !message.isUserMessage()) {
			return new MappedUpdate.Ignored("not a private chat with a user");
		}
		ChatInput input = edited ? new ChatInput.Unsupported() : input(message);
		if (input == null) {
			return new MappedUpdate.Ignored("a command for another bot");
		}
		return event(id, String.valueOf(message.getChatId()), from, input);
	}

	private @Nullable ChatInput input(Message message) {
		if (message.hasText()) {
			return CommandText.read(message.getText(), this.bot);
		}
		if (message.hasContact()) {
			Long owner = message.getContact().getUserId();
			return new ChatInput.SharedContact(message.getContact().getPhoneNumber(),
					(owner != null) ? String.valueOf(owner) : null);
		}
		if (message.hasPhoto() && !message.getPhoto().isEmpty()) {
			PhotoSize size = pickPhoto(message.getPhoto(), this.photoMaxBytes);
			return new ChatInput.Photo(size.getFileId(), (size.getFileSize() != null) ? size.getFileSize() : 0);
		}
		if (message.hasDocument() && isImage(message.getDocument().getMimeType())) {
			Long size = message.getDocument().getFileSize();
			return new ChatInput.Photo(message.getDocument().getFileId(), (size != null) ? size : 0);
		}
		return new ChatInput.Unsupported();
	}

	private MappedUpdate callback(String id, CallbackQuery query) {
		MaybeInaccessibleMessage origin = query.getMessage();
		User from = query.getFrom();
		if (from == null || from.getId() == null) {
			// Telegram always names the sender; an update without one is malformed, and
			// retrying it would fail the same way
			return new MappedUpdate.Ignored("a button press without a sender");
		}
		if (origin != null && (origin.getChat() == null || !origin.isUserMessage())) {
			return new MappedUpdate.Ignored("a button in a group chat");
		}
		String chatId = String.valueOf((origin != null) ? origin.getChatId() : from.getId());
		String data = (query.getData() != null) ? query.getData() : "";
		MappedUpdate.Event press = event(id, chatId, from, new ChatInput.ButtonPress(query.getId(), data));
		if (origin == null || origin.getMessageId() == null) {
			return press;
		}
		return new MappedUpdate.Event(press.event(),
				TelegramBroadcastChannel.messageRef(chatId, origin.getMessageId().longValue()));
	}

	private static MappedUpdate reachability(ChatMemberUpdated change) {
		if (change.getChat() == null || change.getFrom() == null || change.getFrom().getId() == null
				|| !change.getChat().isUserChat() || change.getNewChatMember() == null) {
			return new MappedUpdate.Ignored("membership change outside a private chat");
		}
		String status = change.getNewChatMember().getStatus();
		return new MappedUpdate.Reachability(String.valueOf(change.getFrom().getId()),
				!"kicked".equals(status) && !"left".equals(status));
	}

	private static MappedUpdate.Event event(String id, String chatId, User from, ChatInput input) {
		String name = (from.getLastName() == null) ? from.getFirstName()
				: from.getFirstName() + " " + from.getLastName();
		return new MappedUpdate.Event(new ChatEvent(id, ChatChannel.TELEGRAM, chatId, String.valueOf(from.getId()),
				(name != null) ? name.strip() : "", from.getLanguageCode(), input));
	}

	/**
	 * The size with the most pixels among those within the limit (unknown sizes count as
	 * within); when none is, the smallest, for the download to refuse it with a clear
	 * answer rather than a decoder fed half a picture.
	 */
	static PhotoSize pickPhoto(List<PhotoSize> sizes, long maxBytes) {
		Comparator<PhotoSize> byPixels = Comparator.comparingLong(TelegramUpdates::pixels);
		return sizes.stream()
			.filter((size) -> size.getFileSize() == null || size.getFileSize() <= maxBytes)
			.max(byPixels.thenComparing(TelegramUpdates::bytes))
			.orElseGet(() -> sizes.stream().min(Comparator.comparingLong(TelegramUpdates::bytes)).orElseThrow());
	}

	private static long pixels(PhotoSize size) {
		return (long) nonNull(size.getWidth()) * nonNull(size.getHeight());
	}

	private static long bytes(PhotoSize size) {
		return nonNull(size.getFileSize());
	}

	private static int nonNull(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

	private static boolean isImage(@Nullable String mimeType) {
		return mimeType != null && mimeType.startsWith("image/");
	}

}
