package dev.punchcard.core.points.application;

import dev.punchcard.core.points.domain.DueExpiry;
import dev.punchcard.core.shared.domain.CustomerId;

/**
 * Points of a customer that will expire, as a warning tells them.
 *
 * @param customerId whose points
 * @param due how many and when
 * @param balance the customer's balance now
 */
public record UpcomingExpiry(CustomerId customerId, DueExpiry due, long balance) {

}
