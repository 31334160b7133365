/**
 * R2DBC adapters of the points ledger and tier tracking, and the program's configuration.
 */
@NullMarked
package dev.punchcard.core.points.infrastructure;

import org.jspecify.annotations.NullMarked;
