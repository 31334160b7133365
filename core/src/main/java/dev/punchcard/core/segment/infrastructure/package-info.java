/**
 * Segments in PostgreSQL: the one statement each filter becomes, saved segments with
 * their audit rows, the set-based recompute of customer scores and its schedule.
 */
@NullMarked
package dev.punchcard.core.segment.infrastructure;

import org.jspecify.annotations.NullMarked;
