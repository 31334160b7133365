package dev.punchcard.core.points.application;

import dev.punchcard.core.shared.domain.CustomerId;

/** The ledger contract, kept by the in-memory fake. */
class InMemoryPointsLedgerTest extends PointsLedgerContract {

	private final InMemoryPointsLedger ledger = new InMemoryPointsLedger();

	@Override
	protected PointsLedger ledger() {
		return this.ledger;
	}

	@Override
	protected CustomerId anAccount() {
		CustomerId customer = CustomerId.random();
		this.ledger.openAccount(customer);
		return customer;
	}

}
