package dev.punchcard.core.chat.application;

/**
 * A platform update as it arrived, before it is stored.
 *
 * @param updateId the platform's update id
 * @param chatKey the chat it belongs to (updates of one chat are handled in order)
 * @param payload the raw JSON body
 */
public record ReceivedUpdate(String updateId, String chatKey, String payload) {

	@Override
	public String toString() {
		return "ReceivedUpdate[" + this.updateId + "]";
	}

}
