/**
 * R2DBC adapters of the weekly spend and the awarded weeks, the leaderboard's settings
 * and the schedule that awards closed weeks.
 */
@NullMarked
package dev.punchcard.core.leaderboard.infrastructure;

import org.jspecify.annotations.NullMarked;
