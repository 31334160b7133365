package dev.punchcard.core.customer.application;

import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Mono;

/**
 * A member with chats on several messengers chooses where their notifications go first
 * (points credited, vouchers, …). Without a choice, the chat they wrote from last comes
 * first; either way another chat takes a notification the first one cannot.
 */
public class PreferNoticeChannel {

	private final PreferredChannels preferences;

	public PreferNoticeChannel(PreferredChannels preferences) {
		this.preferences = preferences;
	}

	/** Emits whether the choice changed. */
	public Mono<Boolean> prefer(CustomerId customerId, ChatChannel channel) {
		return this.preferences.prefer(customerId, channel);
	}

}
