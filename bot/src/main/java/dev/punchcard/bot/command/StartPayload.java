package dev.punchcard.bot.command;

/**
 * The untrusted text after {@code /start}: Telegram allows {@code [A-Za-z0-9_-]}, at most
 * 64 characters.
 */
sealed interface StartPayload {

	static StartPayload parse(String argument) {
		String text = argument.strip();
		if (text.isEmpty()) {
			return new None();
		}
		if (!text.matches("[A-Za-z0-9_-]{1,64}")) {
			return new Invalid();
		}
		if (text.startsWith("s-") && text.length() > 2) {
			return new FromStore(text.substring(2));
		}
		if (text.startsWith("r-") && text.length() > 2) {
			return new Referral(text.substring(2));
		}
		if (text.startsWith("staff-") && text.length() > 6) {
			return new StaffLink(text.substring(6));
		}
		if (text.startsWith("link-") && text.length() > 5) {
			return new ChatLink(text.substring(5));
		}
		return new Invalid();
	}

	/** A plain {@code /start}. */
	record None() implements StartPayload {
	}

	/** From a store poster. */
	record FromStore(String code) implements StartPayload {
	}

	/** From a friend's referral link. */
	record Referral(String code) implements StartPayload {
	}

	/** A staff member's one-time link code. */
	record StaffLink(String code) implements StartPayload {
	}

	/** A member's one-time code from {@code /link} on their other messenger. */
	record ChatLink(String code) implements StartPayload {
	}

	/** Anything else. */
	record Invalid() implements StartPayload {
	}

}
