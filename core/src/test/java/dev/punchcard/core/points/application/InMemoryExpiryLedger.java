package dev.punchcard.core.points.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.punchcard.core.notification.application.InMemoryNotifications;
import dev.punchcard.core.notification.application.Notification;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.ExpiringLots;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.points.domain.Lot;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The expiry's view of an {@link InMemoryPointsLedger}: lots are the ledger's positive
 * entries with the expiry {@link #earn} gave them, consumption its negative entries, and
 * what is left is the rule of {@link ExpiringLots}, as {@code R2dbcExpiryLedger} computes
 * it in SQL. Warnings already in the outbox fake are passed over, as the adapter's query
 * does. Work happens on subscription.
 */
public class InMemoryExpiryLedger implements ExpiryLedger {

	private final InMemoryPointsLedger ledger;

	private final InMemoryNotifications outbox;

	private final Map<UUID, Instant> expiries = new HashMap<>();

	private final Set<CustomerId> holders = new LinkedHashSet<>();

	private final List<ExpiryRun> runs = new ArrayList<>();

	public InMemoryExpiryLedger(InMemoryPointsLedger ledger, InMemoryNotifications outbox) {
		this.ledger = ledger;
		this.outbox = outbox;
	}

	/** Appends an EARN entry at {@code at} whose points expire at {@code expiresAt}. */
	public synchronized void earn(CustomerId customerId, long points, Instant at, @Nullable Instant expiresAt) {
		LedgerEntry entry = LedgerEntry.of(customerId, Points.of(points), EntryKind.EARN, "earned in a test",
				InMemoryPointsLedger.GIVEN_IN_TEST, UUID.randomUUID().toString(), at);
		this.ledger.append(entry).block();
		if (expiresAt != null) {
			this.expiries.put(entry.id(), expiresAt);
			this.holders.add(customerId);
		}
	}

	/** The runs recorded, in order. */
	public synchronized List<ExpiryRun> runs() {
		return List.copyOf(this.runs);
	}

	@Override
	public Mono<ExpiringLots> lotsOf(CustomerId customerId) {
		return Mono.fromSupplier(() -> lotsNow(customerId));
	}

	@Override
	public Flux<CustomerId> withPointsDue(Instant since, Instant now) {
		return Flux.defer(() -> Flux.fromIterable(customers()))
			.filter((customer) -> lotsNow(customer).dueBy(now).stream().anyMatch((due) -> due.at().isAfter(since)));
	}

	@Override
	public Flux<UpcomingExpiry> upcoming(Instant from, Instant to) {
		return Flux.defer(() -> Flux.fromIterable(customers()))
			.flatMapIterable((customer) -> lotsNow(customer).dueBy(to)
				.stream()
				.filter((due) -> due.at().isAfter(from))
				.map((due) -> new UpcomingExpiry(customer, due, this.ledger.balance(customer)))
				.filter((upcoming) -> !warned(upcoming))
				.toList());
	}

	@Override
	public Mono<Instant> lastRunUpTo() {
		return Mono.defer(() -> Mono.justOrEmpty(runsNow().stream().map(ExpiryRun::upTo).max(Instant::compareTo)));
	}

	@Override
	public Mono<Void> recordRun(ExpiryRun run) {
		return Mono.fromRunnable(() -> recordNow(run));
	}

	@Override
	public Flux<ExpiryMismatch> overExpired(Instant now) {
		return Flux.defer(() -> Flux.fromIterable(customers())).flatMap((customer) -> {
			long expired = -this.ledger.entriesOf(customer, EntryKind.EXPIRE)
				.stream()
				.mapToLong((entry) -> entry.delta().value())
				.sum();
			long dueLots = lotEntries(customer).stream()
				.filter((entry) -> !expiryOf(entry).isAfter(now))
				.mapToLong((entry) -> entry.delta().value())
				.sum();
			return (expired > dueLots) ? Flux.just(new ExpiryMismatch(customer, expired, dueLots)) : Flux.empty();
		});
	}

	private boolean warned(UpcomingExpiry upcoming) {
		String key = WarnOfExpiry.warningKey(upcoming);
		return this.outbox.queued().stream().map(Notification::idempotencyKey).anyMatch(key::equals);
	}

	private synchronized ExpiringLots lotsNow(CustomerId customerId) {
		List<Lot> lots = lotEntries(customerId).stream()
			.map((entry) -> new Lot(entry.delta().value(), expiryOf(entry)))
			.toList();
		long consumed = -this.ledger.entriesOf(customerId)
			.stream()
			.mapToLong((entry) -> entry.delta().value())
			.filter((delta) -> delta < 0)
			.sum();
		return new ExpiringLots(lots, consumed);
	}

	private synchronized List<LedgerEntry> lotEntries(CustomerId customerId) {
		return this.ledger.entriesOf(customerId)
			.stream()
			.filter((entry) -> this.expiries.containsKey(entry.id()))
			.toList();
	}

	private synchronized Instant expiryOf(LedgerEntry entry) {
		return this.expiries.get(entry.id());
	}

	private synchronized Set<CustomerId> customers() {
		return new LinkedHashSet<>(this.holders);
	}

	private synchronized List<ExpiryRun> runsNow() {
		return List.copyOf(this.runs);
	}

	private synchronized void recordNow(ExpiryRun run) {
		if (this.runs.stream().noneMatch((known) -> known.upTo().equals(run.upTo()))) {
			this.runs.add(run);
		}
	}

}
