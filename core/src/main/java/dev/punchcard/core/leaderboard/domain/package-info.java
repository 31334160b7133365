/**
 * The weekly leaderboard: when a week closes
 * ({@link dev.punchcard.core.leaderboard.domain.WeekSchedule}), how members rank by net
 * spend with ties broken by who reached their total first, which places win how many
 * points, and what a member needs to climb. Plain Java, no storage.
 */
@NullMarked
package dev.punchcard.core.leaderboard.domain;

import org.jspecify.annotations.NullMarked;
