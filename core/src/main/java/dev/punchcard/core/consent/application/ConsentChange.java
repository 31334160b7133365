package dev.punchcard.core.consent.application;

import java.time.Instant;

import dev.punchcard.core.shared.domain.ChatChannel;

/**
 * A chat account opts out of marketing messages on its channel, or back in.
 *
 * @param channel the platform
 * @param externalId the account's user id there
 * @param optedOut true to stop marketing messages, false to resume them
 * @param source how it was asked for, e.g. {@code chat:stop} or
 * {@code whatsapp:user_preferences}
 * @param at when it was asked for
 */
public record ConsentChange(ChatChannel channel, String externalId, boolean optedOut, String source, Instant at) {

	public ConsentChange {
		if (source.isBlank() || source.length() > 64) {
			throw new IllegalArgumentException("a consent source is 1 to 64 characters");
		}
	}

}
