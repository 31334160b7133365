package dev.punchcard.core.imports.infrastructure;

import io.r2dbc.spi.R2dbcException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Errors after which a statement may simply be tried again: PostgreSQL broke a deadlock
 * ({@code 40P01}) or a serialization conflict ({@code 40001}) by failing this side, which
 * wrote nothing.
 */
final class TransientErrors {

	private TransientErrors() {
	}

	static boolean isTransient(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransientDataAccessException) {
				return true;
			}
			if (cause instanceof R2dbcException r2dbc
					&& ("40P01".equals(r2dbc.getSqlState()) || "40001".equals(r2dbc.getSqlState()))) {
				return true;
			}
		}
		return false;
	}

}
