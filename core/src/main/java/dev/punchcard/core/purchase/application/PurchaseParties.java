package dev.punchcard.core.purchase.application;

import java.util.OptionalLong;

import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.customer.application.Customers;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.store.application.Stores;
import dev.punchcard.core.store.domain.Store;
import reactor.core.publisher.Mono;

/** Finds who bought and where, from a scanned card code and a store code. */
public class PurchaseParties {

	private final CodeSigner codes;

	private final Customers customers;

	private final Stores stores;

	public PurchaseParties(CodeSigner codes, Customers customers, Stores stores) {
		this.codes = codes;
		this.customers = customers;
		this.stores = stores;
	}

	/** Emits the active store with this code, or completes empty. */
	public Mono<Store> store(String storeCode) {
		return this.stores.findByCode(storeCode).filter(Store::active);
	}

	/**
	 * The card number a card code carries, or empty when the code does not verify.
	 */
	public OptionalLong cardNumber(String cardCode) {
		return this.codes.verify(CodePurpose.CARD, cardCode);
	}

	/**
	 * Emits the holder of the card, or completes empty when the code does not verify or
	 * the card was replaced.
	 */
	public Mono<Customer> cardHolder(String cardCode) {
		OptionalLong cardNumber = cardNumber(cardCode);
		return cardNumber.isPresent() ? this.customers.findByCardNumber(cardNumber.getAsLong()) : Mono.empty();
	}

}
