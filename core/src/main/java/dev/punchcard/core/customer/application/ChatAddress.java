package dev.punchcard.core.customer.application;

import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;

/**
 * Where a customer can be reached in chat.
 *
 * @param customerId the customer
 * @param channel the platform
 * @param externalId their user id there
 * @param chatId the chat to send to
 * @param language their language tag
 * @param reachable false while they have blocked the bot
 */
public record ChatAddress(CustomerId customerId, ChatChannel channel, String externalId, String chatId, String language,
		boolean reachable) {

}
