package dev.punchcard.bot.template;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A template rendered for one member.
 *
 * @param text the message's text as it will show (WhatsApp: the filled body; Telegram:
 * the HTML sent)
 * @param requests the exact JSON body of each API request that sends it, in order
 * @param address where it goes (the member's WhatsApp number or Telegram chat), or null
 * when the member has no chat on the channel
 */
public record RenderedTemplate(String text, List<String> requests, @Nullable String address) {

	public RenderedTemplate {
		requests = List.copyOf(requests);
	}

}
