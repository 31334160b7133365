package dev.punchcard.core.points.application;

import java.time.Instant;
import java.util.List;

/**
 * The result of a ledger consistency check.
 *
 * @param checkedAt when the check ran
 * @param balancesChecked number of balances compared
 * @param mismatches customers whose balance is not the sum of their entries
 * @param expiryMismatches customers whose points expired beyond what their due lots held
 */
public record LedgerReport(Instant checkedAt, long balancesChecked, List<LedgerMismatch> mismatches,
		List<ExpiryMismatch> expiryMismatches) {

	public boolean consistent() {
		return this.mismatches.isEmpty() && this.expiryMismatches.isEmpty();
	}

}
