package dev.punchcard.app.chat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.punchcard.bot.conversation.BotReply;
import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.ChatInput;
import dev.punchcard.bot.conversation.Conversation;
import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.telegram.TelegramHtml;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/** Test fixture: one person chatting with the bot through the channel-neutral engine. */
final class ChatUser {

	private static final AtomicLong UPDATES = new AtomicLong(1_000);

	private final Conversation conversation;

	final String userId;

	private final String name;

	private final @Nullable String language;

	private final ChatChannel channel;

	ChatUser(Conversation conversation, String userId, String name, @Nullable String language) {
		this(conversation, ChatChannel.TELEGRAM, userId, name, language);
	}

	private final @Nullable String verifiedPhone;

	ChatUser(Conversation conversation, ChatChannel channel, String userId, String name, @Nullable String language) {
		this(conversation, channel, userId, name, language, null);
	}

	private ChatUser(Conversation conversation, ChatChannel channel, String userId, String name,
			@Nullable String language, @Nullable String verifiedPhone) {
		this.conversation = conversation;
		this.channel = channel;
		this.userId = userId;
		this.name = name;
		this.language = language;
		this.verifiedPhone = verifiedPhone;
	}

	/**
	 * A WhatsApp user as the edge sees them: known by their {@code wa_id}, which is the
	 * phone number WhatsApp verified.
	 */
	static ChatUser onWhatsApp(Conversation conversation, String waId, String name, @Nullable String language) {
		return new ChatUser(conversation, ChatChannel.WHATSAPP, waId, name, language, "+" + waId);
	}

	/** Sends the text as typed: no slash command parsing (as on WhatsApp). */
	List<OutgoingMessage> type(String text) {
		return handle(new ChatInput.Text(text));
	}

	List<OutgoingMessage> send(String text) {
		if (text.startsWith("/")) {
			String[] parts = text.substring(1).split(" ", 2);
			return handle(new ChatInput.Command(parts[0], parts.length > 1 ? parts[1] : ""));
		}
		return handle(new ChatInput.Text(text));
	}

	List<OutgoingMessage> press(String data) {
		List<OutgoingMessage> messages = handle(new ChatInput.ButtonPress("cb-" + UPDATES.incrementAndGet(), data));
		assertThat(messages.get(0)).as("a button press is acknowledged first")
			.isInstanceOf(OutgoingMessage.ButtonAnswer.class);
		return messages.subList(1, messages.size());
	}

	List<OutgoingMessage> handle(ChatInput input) {
		ChatEvent event = new ChatEvent(Long.toString(UPDATES.incrementAndGet()), this.channel, this.userId,
				this.userId, this.name, this.language, input, this.verifiedPhone);
		BotReply reply = this.conversation.handle(event).block(Duration.ofSeconds(20));
		assertThat(reply).isNotNull();
		assertThat(reply.chatId()).isEqualTo(this.userId);
		assertThat(reply.messages()).as("the bot always answers").isNotEmpty();
		return reply.messages();
	}

	/** The texts as the Telegram edge renders them (HTML), one per line. */
	static String texts(List<OutgoingMessage> messages) {
		StringBuilder all = new StringBuilder();
		for (OutgoingMessage message : messages) {
			switch (message) {
				case OutgoingMessage.Text text -> all.append(TelegramHtml.html(text.text())).append('\n');
				case OutgoingMessage.Image image -> all.append(TelegramHtml.html(image.caption())).append('\n');
				case OutgoingMessage.AskForPhone ask -> all.append(TelegramHtml.html(ask.text())).append('\n');
				case OutgoingMessage.Notice notice -> all.append(TelegramHtml.html(notice.text())).append('\n');
				case OutgoingMessage.ButtonAnswer answer -> {
				}
			}
		}
		return all.toString();
	}

	/**
	 * The texts as a channel whose commands are words shows them: every command span as
	 * its word, no styles.
	 */
	static String words(List<OutgoingMessage> messages) {
		StringBuilder all = new StringBuilder();
		for (OutgoingMessage message : messages) {
			MarkedText text = switch (message) {
				case OutgoingMessage.Text t -> t.text();
				case OutgoingMessage.Image image -> image.caption();
				case OutgoingMessage.AskForPhone ask -> ask.text();
				case OutgoingMessage.Notice notice -> notice.text();
				case OutgoingMessage.ButtonAnswer answer -> MarkedText.empty();
			};
			text.spans().forEach((span) -> all.append(span.text()));
			all.append('\n');
		}
		return all.toString();
	}

	static List<String> buttonData(List<OutgoingMessage> messages) {
		return messages.stream()
			.filter(OutgoingMessage.Text.class::isInstance)
			.map(OutgoingMessage.Text.class::cast)
			.flatMap((text) -> text.buttons().stream())
			.flatMap(List::stream)
			.map(OutgoingMessage.Button::data)
			.toList();
	}

}
