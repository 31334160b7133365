package dev.punchcard.core.customer.application;

import java.time.Instant;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The chat accounts of customers: one customer can be reached on several channels. */
public interface ChatIdentities {

	/** Emits the customer behind this chat account, or completes empty. */
	Mono<Customer> findCustomer(ChatChannel channel, String externalId);

	/**
	 * Emits the customer behind this chat account with the account's reachability, or
	 * completes empty.
	 */
	Mono<ChatMember> findMember(ChatChannel channel, String externalId);

	/**
	 * Links the chat account to the customer; emits false when the account already
	 * belongs to a customer.
	 */
	Mono<Boolean> link(CustomerId customerId, ChatChannel channel, String externalId, String chatId, Instant at);

	/**
	 * Records that the account wrote (which makes it reachable again) or blocked the bot.
	 */
	Mono<Void> setReachable(ChatChannel channel, String externalId, boolean reachable, Instant at);

	/**
	 * Emits the customer's chat addresses, their preferred channel's first: the one they
	 * chose ({@link PreferNoticeChannel}), else the one they wrote from last.
	 */
	Flux<ChatAddress> addressesOf(CustomerId customerId);

}
