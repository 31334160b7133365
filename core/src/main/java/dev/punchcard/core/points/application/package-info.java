/**
 * The points ledger and balances as ports, the ledger consistency check and manual
 * adjustments. The ledger is append-only; its sum is the balance.
 */
@NullMarked
package dev.punchcard.core.points.application;

import org.jspecify.annotations.NullMarked;
