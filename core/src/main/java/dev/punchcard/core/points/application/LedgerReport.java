package dev.punchcard.core.points.application;

import java.time.Instant;
import java.util.List;

/**
 * The result of a ledger consistency check.
 *
 * @param checkedAt when the check ran
 * @param balancesChecked number of balances compared
 * @param mismatches customers whose balance is not the sum of their entries
 */
public record LedgerReport(Instant checkedAt, long balancesChecked, List<LedgerMismatch> mismatches) {

	public boolean consistent() {
		return this.mismatches.isEmpty();
	}

}
