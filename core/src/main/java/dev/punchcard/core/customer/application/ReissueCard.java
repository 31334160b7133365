package dev.punchcard.core.customer.application;

import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Mono;

/**
 * Replaces a customer's member card (lost or copied): the old code stops working, points
 * and history stay.
 */
public class ReissueCard {

	private final Customers customers;

	private final CodeSigner codes;

	public ReissueCard(Customers customers, CodeSigner codes) {
		this.customers = customers;
		this.codes = codes;
	}

	/** Emits the new card code, or completes empty for an unknown customer. */
	public Mono<String> reissue(CustomerId id) {
		return this.customers.changeCardNumber(id, this.codes.newSerial())
			.map((customer) -> this.codes.sign(CodePurpose.CARD, customer.cardNumber()));
	}

}
