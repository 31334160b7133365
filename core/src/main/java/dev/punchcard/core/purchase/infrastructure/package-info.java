/**
 * R2DBC adapters of purchases, refunds and net spend.
 */
@NullMarked
package dev.punchcard.core.purchase.infrastructure;

import org.jspecify.annotations.NullMarked;
