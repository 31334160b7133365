package dev.punchcard.bot.telegram;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.punchcard.bot.conversation.ChatInput;
import org.jspecify.annotations.Nullable;

/**
 * Reads a message text as a command ({@code /name@bot argument}) or as plain text.
 */
final class CommandText {

	private static final Pattern COMMAND = Pattern
		.compile("^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+(.*))?$", Pattern.DOTALL);

	private CommandText() {
	}

	/**
	 * A {@link ChatInput.Command} (lower-case name, trimmed argument), a
	 * {@link ChatInput.Text}, or null when the command is addressed to another bot.
	 */
	static @Nullable ChatInput read(String text, BotIdentity bot) {
		Matcher command = COMMAND.matcher(text.strip());
		if (!command.matches()) {
			return new ChatInput.Text(text);
		}
		String target = command.group(2);
		if (target != null && !bot.isAddressedBy(target)) {
			return null;
		}
		String argument = command.group(3);
		return new ChatInput.Command(command.group(1).toLowerCase(Locale.ROOT),
				(argument != null) ? argument.strip() : "");
	}

}
