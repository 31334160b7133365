/**
 * Broadcasts on PostgreSQL: audiences materialised by one INSERT ... SELECT from the
 * segment's SQL, claims with FOR UPDATE SKIP LOCKED under a lease, settles guarded by the
 * claim, statuses ranked in SQL, and the schedule that starts, pauses and completes
 * broadcasts once across instances.
 */
@NullMarked
package dev.punchcard.core.broadcast.infrastructure;

import org.jspecify.annotations.NullMarked;
