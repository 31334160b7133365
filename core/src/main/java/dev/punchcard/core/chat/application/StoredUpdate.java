package dev.punchcard.core.chat.application;

import dev.punchcard.core.shared.domain.ChatChannel;

/**
 * A platform update as received, claimed for handling.
 *
 * @param channel the platform
 * @param updateId the platform's update id
 * @param chatKey the chat it belongs to (updates of one chat are handled in order)
 * @param payload the raw JSON body
 * @param attempts how many times handling was started, this one included
 */
public record StoredUpdate(ChatChannel channel, String updateId, String chatKey, String payload, int attempts) {

	@Override
	public String toString() {
		return "StoredUpdate[" + this.channel + " " + this.updateId + ", attempt " + this.attempts + "]";
	}

}
