/**
 * Durable intake, shared by every chat edge: an update is stored (already claimed) before
 * the platform is told it arrived, updates arriving together are stored in one statement,
 * each chat's updates are handled one at a time in order on a fixed set of lanes, claims
 * have leases that are renewed when an update waited long, a sweeper reclaims what a
 * crash or a failure left behind, handled updates are marked done in groups and purged
 * per channel after that channel's redelivery horizon. {@link DurableIntake} is the one
 * entry point; an edge gives it its channel, its settings and a
 * {@link StoredUpdateHandler} that reads its platform's payload. Knows no platform types.
 */
@NullMarked
package dev.punchcard.bot.intake;

import org.jspecify.annotations.NullMarked;
