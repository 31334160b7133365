/**
 * What an analytics report is asked for: a range of local dates in a time zone, an
 * optional store and the grain of its series, with the instants the range covers and
 * whether the zone's offsets let hourly rollups answer it.
 */
@NullMarked
package dev.punchcard.core.analytics.domain;

import org.jspecify.annotations.NullMarked;
