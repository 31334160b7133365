package dev.punchcard.core.purchase.application;

import java.util.OptionalLong;

import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.purchase.application.PurchaseOutcome.UnknownCard;
import dev.punchcard.core.purchase.application.PurchaseOutcome.UnknownStore;
import dev.punchcard.core.purchase.application.PurchaseOutcome.WrongCurrency;
import dev.punchcard.core.store.domain.Store;
import reactor.core.publisher.Mono;

/**
 * The checks every recording of a purchase starts with, live or historical: the amount is
 * in the program's currency, the store is an active one, the card code verifies.
 */
final class PurchaseChecks {

	private PurchaseChecks() {
	}

	/**
	 * Emits the refusal of the first check that fails, or what the recording emits at the
	 * store for the card number.
	 */
	static Mono<PurchaseOutcome> thenRecord(PurchaseParties parties, LoyaltyProgram program,
			RecordPurchaseCommand command, Recording recording) {
		if (!program.accepts(command.amount())) {
			return Mono.just(new WrongCurrency(program.currency().getCurrencyCode()));
		}
		return parties.store(command.storeCode()).flatMap((store) -> {
			OptionalLong cardNumber = parties.cardNumber(command.cardCode());
			return cardNumber.isPresent() ? recording.record(store, cardNumber.getAsLong())
					: Mono.<PurchaseOutcome>just(new UnknownCard());
		}).switchIfEmpty(Mono.fromSupplier(() -> new UnknownStore(command.storeCode())));
	}

	/** Records the purchase once the checks passed. */
	@FunctionalInterface
	interface Recording {

		Mono<PurchaseOutcome> record(Store store, long cardNumber);

	}

}
