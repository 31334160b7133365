package dev.punchcard.core.imports.application;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/** Finds the customers a purchases file names by external id or phone. */
public interface ImportCustomers {

	/** Emits the card numbers of the customers with one of the external ids or phones. */
	Flux<CardHolder> cardHolders(List<String> externalIds, List<String> phones);

	/**
	 * A customer's current card.
	 *
	 * @param externalId their external id, if any
	 * @param phone their phone, if any
	 * @param cardNumber their card's serial
	 */
	record CardHolder(@Nullable String externalId, @Nullable String phone, long cardNumber) {
	}

}
