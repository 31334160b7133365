package dev.punchcard.core.points.application;

import java.time.Instant;

/**
 * What one run of the expiry did.
 *
 * @param upTo every lot due by this instant is expired
 * @param members members whose points expired
 * @param points points expired in all
 */
public record ExpiryRun(Instant upTo, long members, long points) {

}
