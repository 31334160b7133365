package dev.punchcard.core.purchase.application;

import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.store.application.InMemoryStores;
import dev.punchcard.core.store.domain.Store;
import dev.punchcard.core.store.domain.StoreFixture;

/** The purchases contract, kept by the in-memory fake. */
class InMemoryPurchasesTest extends PurchasesContract {

	private final InMemoryStores stores = new InMemoryStores();

	private final InMemoryPurchases purchases = new InMemoryPurchases(this.stores);

	@Override
	protected Purchases purchases() {
		return this.purchases;
	}

	@Override
	protected CustomerId aCustomer() {
		return CustomerId.random();
	}

	@Override
	protected Store aStore(String name) {
		return this.stores.save(StoreFixture.aStore().named(name).build());
	}

}
