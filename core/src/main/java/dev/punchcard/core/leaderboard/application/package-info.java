/**
 * The weekly top-10 bonus and the leaderboard as use cases: awarding every closed week
 * once (across instances, restarts and late runs) through the points ledger and the
 * notification outbox, and showing a week's standings to staff and to a member. Ports for
 * the weekly spend and the awarded weeks; no SQL here.
 */
@NullMarked
package dev.punchcard.core.leaderboard.application;

import org.jspecify.annotations.NullMarked;
