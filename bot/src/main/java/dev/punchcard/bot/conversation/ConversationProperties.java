package dev.punchcard.bot.conversation;

import java.time.Duration;
import java.util.Set;

import dev.punchcard.core.shared.domain.ChatChannel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the conversation engine.
 *
 * @param flowTtl how long a multi-step flow waits for the user's next step
 * @param numberedChoices the channels where a reply's choices are remembered for the same
 * time, so that a typed number ({@code 2}) picks the second: channels whose menus the
 * user may answer by typing (WhatsApp); elsewhere nothing is stored per reply
 */
@ConfigurationProperties("punchcard.bot")
@Validated
public record ConversationProperties(@DefaultValue("30m") Duration flowTtl,
		@DefaultValue("WHATSAPP") Set<ChatChannel> numberedChoices) {

	public ConversationProperties {
		if (flowTtl.isNegative() || flowTtl.isZero()) {
			throw new IllegalArgumentException("punchcard.bot.flow-ttl must be positive");
		}
		numberedChoices = Set.copyOf(numberedChoices);
	}

}
