/**
 * The R2DBC side of analytics: the readings (one statement per report over the rollups
 * and the raw rows inserted after their watermark), the rollup job's statement, its
 * schedule and the settings.
 */
@NullMarked
package dev.punchcard.core.analytics.infrastructure;

import org.jspecify.annotations.NullMarked;
