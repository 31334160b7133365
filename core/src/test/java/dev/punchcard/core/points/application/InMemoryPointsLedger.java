package dev.punchcard.core.points.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The points ledger in memory, with the guarantees of {@code R2dbcPointsLedger} and its
 * tables: the balance moves only if it stays at or above zero, the entry is written only
 * if the balance moved, a source ({@code source_type}, {@code source_id}) is recorded
 * once (a second one errors, as the unique constraint does), and only customers with a
 * balance row have an account. The balance rows are opened by {@code InMemoryCustomers}
 * when a customer is stored, as the customer adapter's insert does. Work happens on
 * subscription; each operation holds the fake's monitor, so concurrent callers see one
 * operation at a time. The account lock is therefore a read of the balance, unless a test
 * makes it wait with {@link #holdNextLock}.
 */
public class InMemoryPointsLedger implements PointsLedger {

	/**
	 * Source type of the entries {@link #give} and {@link #spend} write to set a test up.
	 */
	public static final String GIVEN_IN_TEST = "TEST_SETUP";

	private final Map<CustomerId, Long> balances = new LinkedHashMap<>();

	private final List<LedgerEntry> entries = new ArrayList<>();

	private final Map<CustomerId, Integer> locks = new HashMap<>();

	private final Map<CustomerId, Long> versions = new HashMap<>();

	private final Map<CustomerId, Sinks.Empty<Void>> holds = new HashMap<>();

	@Override
	public Mono<Points> append(LedgerEntry entry) {
		return Mono.fromSupplier(() -> appendNow(entry));
	}

	@Override
	public Mono<Points> lockAccount(CustomerId customerId) {
		Mono<Points> lock = Mono.fromSupplier(() -> lockNow(customerId));
		return Mono.defer(() -> {
			Sinks.Empty<Void> held = takeHold(customerId);
			return (held != null) ? held.asMono().then(lock) : lock;
		});
	}

	/**
	 * Makes the next lock of the customer's account wait until the returned sink
	 * completes, as a transaction waits for a row lock another one holds; for tests that
	 * interleave two use cases.
	 */
	public synchronized Sinks.Empty<Void> holdNextLock(CustomerId customerId) {
		Sinks.Empty<Void> held = Sinks.empty();
		this.holds.put(customerId, held);
		return held;
	}

	@Override
	public Mono<Boolean> hasEntryFrom(String sourceType, String sourceId) {
		return Mono.fromSupplier(() -> hasEntryNow(sourceType, sourceId));
	}

	@Override
	public Mono<Points> balanceOf(CustomerId customerId) {
		return Mono.fromSupplier(() -> balanceNow(customerId));
	}

	@Override
	public Flux<LedgerEntry> entriesOf(CustomerId customerId, int page, int size) {
		return Flux.defer(() -> Flux.fromIterable(newestFirst(customerId))).skip((long) page * size).take(size);
	}

	@Override
	public Mono<Long> countEntriesOf(CustomerId customerId) {
		return Mono.fromSupplier(() -> (long) entriesOf(customerId).size());
	}

	@Override
	public Flux<LedgerMismatch> mismatches() {
		return Flux.defer(() -> Flux.fromIterable(mismatchesNow()));
	}

	@Override
	public Mono<Long> countBalances() {
		return Mono.fromSupplier(this::countBalancesNow);
	}

	/**
	 * Opens a zero balance; called by {@code InMemoryCustomers} when it stores a
	 * customer.
	 */
	public synchronized void openAccount(CustomerId customerId) {
		if (this.balances.putIfAbsent(customerId, 0L) != null) {
			throw new DuplicateKeyException("points_balances_pkey: " + customerId);
		}
	}

	/**
	 * Closes a zero balance without entries; errors otherwise, as the foreign key and the
	 * merge's conditions would. Called by {@code InMemoryCustomers} when it deletes a
	 * customer.
	 */
	public synchronized void closeAccount(CustomerId customerId) {
		Long balance = this.balances.get(customerId);
		if ((balance != null && balance != 0L) || !entriesOf(customerId).isEmpty()) {
			throw new DataIntegrityViolationException("points_ledger_entries_customer_id_fkey: " + customerId);
		}
		this.balances.remove(customerId);
	}

	/** Credits points to set a test up, under the rules of {@link #append}. */
	public Points give(CustomerId customerId, long points) {
		Points balance = appendNow(LedgerEntry.of(customerId, Points.of(points), EntryKind.BONUS, "given in a test",
				GIVEN_IN_TEST, UUID.randomUUID().toString(), Instant.EPOCH));
		if (balance == null) {
			throw new IllegalStateException("no account for " + customerId);
		}
		return balance;
	}

	/** Debits points to set a test up, as spending them on a reward would. */
	public Points spend(CustomerId customerId, long points) {
		Points balance = appendNow(LedgerEntry.of(customerId, Points.of(-points), EntryKind.REDEEM, "spent in a test",
				GIVEN_IN_TEST, UUID.randomUUID().toString(), Instant.EPOCH));
		if (balance == null) {
			throw new IllegalStateException("not enough points or no account for " + customerId);
		}
		return balance;
	}

	/**
	 * The version of the customer's balance row, which every write of the balance changes
	 * (as PostgreSQL's {@code xmin} does), or null without an account.
	 */
	public synchronized @Nullable String versionOf(CustomerId customerId) {
		return this.balances.containsKey(customerId) ? String.valueOf(this.versions.getOrDefault(customerId, 0L))
				: null;
	}

	/**
	 * Adds points to the balance, with their entry if there is one, only if the balance
	 * row is still at the version: as the guarded {@code UPDATE} of a credit does (which
	 * writes the row even for zero points). Returns the new balance, or null when the
	 * version moved on.
	 */
	public synchronized @Nullable Points creditAtVersion(CustomerId customerId, String version, long points,
			@Nullable LedgerEntry entry) {
		if (!version.equals(versionOf(customerId))) {
			return null;
		}
		if (entry != null) {
			return appendNow(entry);
		}
		this.versions.merge(customerId, 1L, Long::sum);
		return Points.of(this.balances.get(customerId) + points);
	}

	/** The customer's balance now; fails when the customer has no account. */
	public synchronized long balance(CustomerId customerId) {
		Long balance = this.balances.get(customerId);
		if (balance == null) {
			throw new IllegalStateException("no account for " + customerId);
		}
		return balance;
	}

	/** The customer's entries in the order they were written. */
	public synchronized List<LedgerEntry> entriesOf(CustomerId customerId) {
		return this.entries.stream().filter((entry) -> entry.customerId().equals(customerId)).toList();
	}

	/** The customer's entries of this kind in the order they were written. */
	public List<LedgerEntry> entriesOf(CustomerId customerId, EntryKind kind) {
		return entriesOf(customerId).stream().filter((entry) -> entry.kind() == kind).toList();
	}

	/** The sum of the customer's entries. */
	public long sumOfEntries(CustomerId customerId) {
		return entriesOf(customerId).stream().mapToLong((entry) -> entry.delta().value()).sum();
	}

	/** How many times the customer's account was locked. */
	public synchronized int locksTaken(CustomerId customerId) {
		return this.locks.getOrDefault(customerId, 0);
	}

	/**
	 * Every customer whose balance is not the sum of their entries, as the SQL check
	 * finds them.
	 */
	public synchronized List<LedgerMismatch> mismatchesNow() {
		List<LedgerMismatch> found = new ArrayList<>();
		this.balances.forEach((customer, balance) -> {
			long sum = sumOfEntries(customer);
			if (sum != balance) {
				found.add(new LedgerMismatch(customer, balance, sum));
			}
		});
		this.entries.stream()
			.map(LedgerEntry::customerId)
			.distinct()
			.filter((customer) -> !this.balances.containsKey(customer))
			.forEach((customer) -> found.add(new LedgerMismatch(customer, 0, sumOfEntries(customer))));
		return found;
	}

	private synchronized @Nullable Points appendNow(LedgerEntry entry) {
		Long balance = this.balances.get(entry.customerId());
		long delta = entry.delta().value();
		// the UPDATE matches no row: nothing moves and no entry is written
		if (balance == null || balance + delta < 0) {
			return null;
		}
		if (hasEntryNow(entry.sourceType(), entry.sourceId())) {
			throw new DuplicateKeyException(
					"points_ledger_entries_source_key: " + entry.sourceType() + "/" + entry.sourceId());
		}
		if (this.entries.stream().anyMatch((known) -> known.id().equals(entry.id()))) {
			throw new DataIntegrityViolationException("points_ledger_entries_pkey: " + entry.id());
		}
		long moved = Math.addExact(balance, delta);
		this.balances.put(entry.customerId(), moved);
		this.versions.merge(entry.customerId(), 1L, Long::sum);
		this.entries.add(entry);
		return Points.of(moved);
	}

	private synchronized @Nullable Points lockNow(CustomerId customerId) {
		Long balance = this.balances.get(customerId);
		if (balance == null) {
			return null;
		}
		this.locks.merge(customerId, 1, Integer::sum);
		return Points.of(balance);
	}

	private synchronized Sinks.@Nullable Empty<Void> takeHold(CustomerId customerId) {
		return this.holds.remove(customerId);
	}

	private synchronized boolean hasEntryNow(String sourceType, String sourceId) {
		return this.entries.stream()
			.anyMatch((entry) -> entry.sourceType().equals(sourceType) && entry.sourceId().equals(sourceId));
	}

	private synchronized @Nullable Points balanceNow(CustomerId customerId) {
		Long balance = this.balances.get(customerId);
		return (balance != null) ? Points.of(balance) : null;
	}

	private synchronized long countBalancesNow() {
		return this.balances.size();
	}

	// ORDER BY occurred_at DESC, created_at DESC, id: later writes count as created later
	private synchronized List<LedgerEntry> newestFirst(CustomerId customerId) {
		List<LedgerEntry> written = entriesOf(customerId);
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < written.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.<Integer, Instant>comparing((i) -> written.get(i).occurredAt())
			.thenComparing((i) -> i)
			.reversed());
		return order.stream().map(written::get).toList();
	}

}
