package dev.punchcard.core.broadcast.application;

import dev.punchcard.core.broadcast.domain.RecipientState;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;

/**
 * Which recipients of a broadcast to list: of a state and a channel (each optional),
 * after the recipient id {@code after} (0 for the first page), at most {@code limit}.
 */
public record RecipientQuery(@Nullable RecipientState state, @Nullable ChatChannel channel, long after, int limit) {

	public RecipientQuery {
		if (after < 0 || limit < 1) {
			throw new IllegalArgumentException("after must be >= 0 and limit >= 1: " + after + ", " + limit);
		}
	}

	/** The next page's query after the recipient id. */
	public RecipientQuery after(long id) {
		return new RecipientQuery(this.state, this.channel, id, this.limit);
	}

}
