package dev.punchcard.core.points.application;

import dev.punchcard.core.shared.domain.Points;

/** What a manual adjustment did. */
public sealed interface AdjustmentOutcome {

	/** The points moved; {@code balance} is the new balance. */
	record Adjusted(Points delta, Points balance) implements AdjustmentOutcome {
	}

	/** The adjustment key was used before; nothing moved again. */
	record AlreadyAdjusted(String adjustmentKey) implements AdjustmentOutcome {
	}

	/** Removing that many points would make the balance negative; nothing moved. */
	record WouldGoNegative(Points balance) implements AdjustmentOutcome {
	}

	/** No such customer. */
	record UnknownCustomer() implements AdjustmentOutcome {
	}

}
