package dev.punchcard.core.points.infrastructure;

import dev.punchcard.core.points.application.PointsLedger;
import org.springframework.r2dbc.core.DatabaseClient;

/** Test support: the R2DBC points ledger for other features' ITs. */
public final class PointsAdapters {

	private PointsAdapters() {
	}

	public static PointsLedger ledger(DatabaseClient db) {
		return new R2dbcPointsLedger(db);
	}

}
