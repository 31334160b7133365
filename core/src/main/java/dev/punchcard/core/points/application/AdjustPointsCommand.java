package dev.punchcard.core.points.application;

import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;

/**
 * A manual correction of a customer's points.
 *
 * @param customerId whose points
 * @param delta points to add (positive) or remove (negative), never zero
 * @param reason why, mandatory
 * @param adjustmentKey client-chosen idempotency key: the same key adjusts once
 * @param staffUsername who adjusts
 */
public record AdjustPointsCommand(CustomerId customerId, Points delta, String reason, String adjustmentKey,
		String staffUsername) {

}
