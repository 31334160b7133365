package dev.punchcard.core.broadcast.domain;

import java.util.List;

import dev.punchcard.core.shared.domain.ChatChannel;

/**
 * Which channel each member gets the broadcast on: WhatsApp only, Telegram only, or the
 * member's preferred channel (the one they chose, else the one they wrote from last),
 * falling back to the other when the preferred one cannot take it.
 */
public enum ChannelPolicy {

	WHATSAPP_ONLY(List.of(ChatChannel.WHATSAPP)), TELEGRAM_ONLY(List.of(ChatChannel.TELEGRAM)),
	PREFERRED_WITH_FALLBACK(List.of(ChatChannel.WHATSAPP, ChatChannel.TELEGRAM));

	private final List<ChatChannel> channels;

	ChannelPolicy(List<ChatChannel> channels) {
		this.channels = channels;
	}

	/** The channels it sends on; each needs a template. */
	public List<ChatChannel> channels() {
		return this.channels;
	}

	public boolean uses(ChatChannel channel) {
		return this.channels.contains(channel);
	}

}
