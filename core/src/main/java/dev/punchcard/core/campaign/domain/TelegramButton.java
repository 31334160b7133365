package dev.punchcard.core.campaign.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A button under a Telegram template's message: it opens a URL (which may hold
 * placeholders) or gives the bot a command, exactly one of them.
 *
 * @param label what it shows, plain text
 * @param url the address it opens, or null
 * @param command the command it gives (e.g. {@code rewards}), or null
 */
public record TelegramButton(String label, @Nullable String url, @Nullable String command) {

	public TelegramButton {
		if ((url == null) == (command == null)) {
			throw new IllegalArgumentException("a button opens a URL or gives a command, exactly one of them");
		}
	}

	/** The placeholders of its URL. */
	public List<String> placeholders() {
		return (this.url == null) ? List.of() : Placeholders.in(this.url);
	}

}
