package dev.punchcard.bot.telegram;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * The bot's own username, from configuration or from {@code getMe} at start; unknown
 * until then. Used to tell commands meant for this bot ({@code /start@this_bot}) from
 * commands for others.
 */
final class BotIdentity {

	private final AtomicReference<@Nullable String> username;

	BotIdentity(@Nullable String configured) {
		this.username = new AtomicReference<>((configured == null || configured.isBlank()) ? null : strip(configured));
	}

	@Nullable String username() {
		return this.username.get();
	}

	boolean known() {
		return this.username.get() != null;
	}

	void learn(String username) {
		this.username.set(strip(username));
	}

	/**
	 * Whether a command addressed to {@code target} is for this bot; true while the name
	 * is unknown.
	 */
	boolean isAddressedBy(String target) {
		String own = this.username.get();
		return own == null || own.equalsIgnoreCase(target);
	}

	private static String strip(String name) {
		return name.startsWith("@") ? name.substring(1) : name;
	}

}
