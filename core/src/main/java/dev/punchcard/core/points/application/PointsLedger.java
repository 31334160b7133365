package dev.punchcard.core.points.application;

import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The append-only points ledger and the balance kept next to it. */
public interface PointsLedger {

	/**
	 * Appends the entry and moves the balance by its delta, both or neither. Emits the
	 * new balance, or completes empty when the entry would take the balance below zero
	 * (then nothing is written). Errors if the entry's source was already recorded:
	 * callers make sources unique first.
	 */
	Mono<Points> append(LedgerEntry entry);

	/**
	 * Locks the customer's balance row until the surrounding transaction ends and emits
	 * the balance, or completes empty for an unknown customer. Every transaction that
	 * moves a customer's points or tier takes this lock first, so they run one after
	 * another per customer and never deadlock.
	 */
	Mono<Points> lockAccount(CustomerId customerId);

	/** Emits whether an entry from this source exists. */
	Mono<Boolean> hasEntryFrom(String sourceType, String sourceId);

	/** Emits the customer's balance, or completes empty for an unknown customer. */
	Mono<Points> balanceOf(CustomerId customerId);

	/** Emits one page of the customer's entries, newest first. */
	Flux<LedgerEntry> entriesOf(CustomerId customerId, int page, int size);

	/** Emits the number of the customer's entries. */
	Mono<Long> countEntriesOf(CustomerId customerId);

	/**
	 * Emits every customer whose balance differs from the sum of their entries; empty
	 * when all agree.
	 */
	Flux<LedgerMismatch> mismatches();

	/** Emits the number of balances checked by {@link #mismatches()}. */
	Mono<Long> countBalances();

}
