package dev.punchcard.core.reward.domain;

import dev.punchcard.core.shared.domain.PlainText;
import dev.punchcard.core.shared.domain.RewardId;
import org.jspecify.annotations.Nullable;

/**
 * A reward of the catalog.
 *
 * @param id reward id
 * @param name name
 * @param description description
 * @param costPoints points it costs, positive
 * @param stock units left, or null for unlimited
 * @param active whether it can be redeemed
 */
public record Reward(RewardId id, String name, String description, long costPoints, @Nullable Integer stock,
		boolean active) {

	/**
	 * The most stock staff may set: far below {@code int}'s limit, so stock that comes
	 * back from cancelled vouchers can never overflow the column.
	 */
	public static final int MAX_STOCK = 1_000_000_000;

	public Reward {
		if (name.isBlank() || name.length() > 100) {
			throw new IllegalArgumentException("a reward needs a name of 1-100 characters");
		}
		PlainText.requireSingleLine(name, "a reward's name");
		PlainText.requireMultiLine(description, "a reward's description");
		if (costPoints <= 0) {
			throw new IllegalArgumentException("a reward must cost points");
		}
		if (stock != null && stock < 0) {
			throw new IllegalArgumentException("stock must not be negative");
		}
	}

}
