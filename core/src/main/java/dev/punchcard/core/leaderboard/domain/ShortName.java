package dev.punchcard.core.leaderboard.domain;

/**
 * A member's name as others see it on the leaderboard: the first name and the initial of
 * the last name with a dot ("Aygün Müller" → "Aygün M."); a single name stays as it is; a
 * blank name shows as "?".
 */
public final class ShortName {

	private ShortName() {
	}

	public static String of(String fullName) {
		String[] parts = fullName.strip().split("\\s+");
		if (parts.length == 0 || parts[0].isEmpty()) {
			return "?";
		}
		if (parts.length == 1) {
			return parts[0];
		}
		String last = parts[parts.length - 1];
		return parts[0] + " " + last.substring(0, last.offsetByCodePoints(0, 1)) + ".";
	}

}
