package dev.punchcard.webhooks.whatsapp;

import java.util.Optional;

import dev.punchcard.bot.conversation.BotPhoneNumbers;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;

/**
 * The business number people send WhatsApp messages to
 * ({@code punchcard.whatsapp.display-phone-number}), for {@code wa.me} links.
 */
final class WhatsAppBotPhoneNumber implements BotPhoneNumbers {

	private final @Nullable String displayNumber;

	WhatsAppBotPhoneNumber(@Nullable String displayNumber) {
		this.displayNumber = displayNumber;
	}

	@Override
	public ChatChannel channel() {
		return ChatChannel.WHATSAPP;
	}

	@Override
	public Optional<String> displayNumber() {
		return Optional.ofNullable(this.displayNumber).filter((digits) -> !digits.isBlank());
	}

}
