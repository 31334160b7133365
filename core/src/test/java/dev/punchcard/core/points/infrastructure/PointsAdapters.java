package dev.punchcard.core.points.infrastructure;

import dev.punchcard.core.points.application.ExpiryLedger;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.domain.ExpiryPolicy;
import org.springframework.r2dbc.core.DatabaseClient;

/** Test support: the R2DBC points ledger for other features' ITs. */
public final class PointsAdapters {

	private PointsAdapters() {
	}

	/** The ledger, with points that never expire. */
	public static PointsLedger ledger(DatabaseClient db) {
		return new R2dbcPointsLedger(db, ExpiryPolicy.never());
	}

	/** The lots and expiries of the ledger. */
	public static ExpiryLedger expiries(DatabaseClient db) {
		return new R2dbcExpiryLedger(db);
	}

}
