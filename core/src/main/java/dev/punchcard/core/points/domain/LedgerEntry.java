package dev.punchcard.core.points.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import org.jspecify.annotations.Nullable;

/**
 * One append-only entry of the points ledger. {@code (sourceType, sourceId)} is unique:
 * the same source can move points only once.
 *
 * @param id entry id
 * @param customerId whose points
 * @param delta points added (positive) or taken (negative), never zero
 * @param kind what the entry records
 * @param reason human-readable reason
 * @param sourceType what caused it, e.g. {@code PURCHASE}
 * @param sourceId id of the cause
 * @param occurredAt when
 * @param createdBy staff username for manual entries
 */
public record LedgerEntry(UUID id, CustomerId customerId, Points delta, EntryKind kind, String reason,
		String sourceType, String sourceId, Instant occurredAt, @Nullable String createdBy) {

	public LedgerEntry {
		Objects.requireNonNull(customerId, "customerId");
		if (delta.isZero()) {
			throw new IllegalArgumentException("a ledger entry must move points");
		}
	}

	public static LedgerEntry of(CustomerId customerId, Points delta, EntryKind kind, String reason, String sourceType,
			String sourceId, Instant occurredAt) {
		return new LedgerEntry(UUID.randomUUID(), customerId, delta, kind, reason, sourceType, sourceId, occurredAt,
				null);
	}

}
