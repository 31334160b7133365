package dev.punchcard.core.customer.application;

import dev.punchcard.core.points.application.InMemoryPointsLedger;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;

/** The customers contract, kept by the in-memory fake. */
class InMemoryCustomersTest extends CustomersContract {

	private final InMemoryPointsLedger ledger = new InMemoryPointsLedger();

	private final InMemoryCustomers customers = new InMemoryCustomers(this.ledger);

	@Override
	protected Customers customers() {
		return this.customers;
	}

	@Override
	protected Long balanceOf(CustomerId id) {
		return this.ledger.balanceOf(id).map(Points::value).block();
	}

}
