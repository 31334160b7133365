package dev.punchcard.core.points.application;

import dev.punchcard.core.shared.domain.CustomerId;

/**
 * A customer whose expired points are more than the lots already due held: FIFO never
 * allows that.
 *
 * @param customerId the customer
 * @param expired points their EXPIRE entries took
 * @param dueLots points of their lots due by the time of the check
 */
public record ExpiryMismatch(CustomerId customerId, long expired, long dueLots) {

}
