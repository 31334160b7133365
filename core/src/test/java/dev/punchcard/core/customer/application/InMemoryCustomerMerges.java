package dev.punchcard.core.customer.application;

import java.util.HashSet;
import java.util.Set;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.points.application.InMemoryPointsLedger;
import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Mono;

/**
 * Merges in memory, with the guarantees of {@code R2dbcCustomerMerges}: only a customer
 * without ledger entries, a zero balance and no other history (purchases and vouchers,
 * which a test marks with {@link #giveHistory}) is merged; its accounts move, it is
 * deleted, and the survivor takes its phone number when it has none.
 */
public class InMemoryCustomerMerges implements CustomerMerges {

	private final InMemoryCustomers customers;

	private final InMemoryChatIdentities identities;

	private final InMemoryPointsLedger ledger;

	private final Set<CustomerId> withHistory = new HashSet<>();

	public InMemoryCustomerMerges(InMemoryCustomers customers, InMemoryChatIdentities identities,
			InMemoryPointsLedger ledger) {
		this.customers = customers;
		this.identities = identities;
		this.ledger = ledger;
	}

	@Override
	public Mono<Boolean> mergeIfUnused(CustomerId from, CustomerId into) {
		return Mono.fromSupplier(() -> mergeNow(from, into));
	}

	/** Marks the customer as having purchases or vouchers. */
	public synchronized void giveHistory(CustomerId id) {
		this.withHistory.add(id);
	}

	private synchronized boolean mergeNow(CustomerId from, CustomerId into) {
		Customer retired = this.customers.findById(from).block();
		if (retired == null || from.equals(into) || this.customers.findById(into).block() == null
				|| this.withHistory.contains(from) || this.ledger.balance(from) != 0
				|| !this.ledger.entriesOf(from).isEmpty()) {
			return false;
		}
		this.identities.moveAll(from, into);
		this.customers.delete(from);
		if (retired.phone() != null && this.customers.get(into).phone() == null) {
			this.customers.changePhone(into, retired.phone()).block();
		}
		return true;
	}

}
