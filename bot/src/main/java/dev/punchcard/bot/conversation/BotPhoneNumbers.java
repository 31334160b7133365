package dev.punchcard.bot.conversation;

import java.util.Optional;

import dev.punchcard.core.shared.domain.ChatChannel;

/**
 * The business phone number the bot answers on, on a channel people reach by number
 * (WhatsApp), for click-to-chat links; provided by that channel's edge.
 */
public interface BotPhoneNumbers {

	/** The channel the number is on. */
	ChatChannel channel();

	/** The number as people dial it internationally, digits only, when configured. */
	Optional<String> displayNumber();

}
