package dev.punchcard.bot.conversation;

import java.util.List;

import dev.punchcard.core.shared.domain.ChatChannel;

/**
 * What to send back for one chat event, in order.
 *
 * @param channel the platform
 * @param chatId where to send
 * @param messages the messages, in order; empty when nothing is to be sent
 */
public record BotReply(ChatChannel channel, String chatId, List<OutgoingMessage> messages) {

	public static BotReply to(ChatEvent event, OutgoingMessage... messages) {
		return new BotReply(event.channel(), event.chatId(), List.of(messages));
	}

}
