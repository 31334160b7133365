/**
 * The rules of the points program: earning per currency unit, tiers on rolling net spend,
 * proportional reversal. Pure functions over integers; no Spring, no Reactor.
 */
@NullMarked
package dev.punchcard.core.points.domain;

import org.jspecify.annotations.NullMarked;
