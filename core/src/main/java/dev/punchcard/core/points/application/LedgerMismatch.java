package dev.punchcard.core.points.application;

import dev.punchcard.core.shared.domain.CustomerId;

/**
 * A customer whose stored balance is not the sum of their ledger entries.
 *
 * @param customerId the customer
 * @param balance the stored balance
 * @param ledgerSum the sum of the entries
 */
public record LedgerMismatch(CustomerId customerId, long balance, long ledgerSum) {

}
