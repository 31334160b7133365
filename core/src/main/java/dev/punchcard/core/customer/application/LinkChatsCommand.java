package dev.punchcard.core.customer.application;

import dev.punchcard.core.shared.domain.ChatChannel;

/**
 * A person sends a link code on another channel than the one they asked for it on.
 *
 * @param channel the platform they send it on
 * @param externalId their user id there
 * @param chatId their chat there
 * @param code the code as typed (untrusted)
 */
public record LinkChatsCommand(ChatChannel channel, String externalId, String chatId, String code) {

	@Override
	public String toString() {
		return "LinkChatsCommand[" + this.channel + "]";
	}

}
