package dev.punchcard.core.purchase.application;

import java.time.Instant;
import java.util.Collection;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.shared.domain.StoreId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A card holder's points account as a till sees it: read without a lock, then credited
 * only if nothing changed it since, so that recording a purchase takes two round trips
 * and no transaction.
 */
public interface PurchaseAccounts {

	/**
	 * Emits the holder of the card number with their balance, the account's version,
	 * their net spend since the instant and the purchase already recorded for the receipt
	 * at the store (by anyone), or completes empty when no customer has that card number.
	 */
	Mono<PurchaseAccount> find(long cardNumber, StoreId storeId, String receiptNo, Instant spendSince);

	/**
	 * Writes the purchase with its items, its ledger entry, the new balance, the tier
	 * change if any and the notification, all in one statement, provided the account is
	 * still at the version it was read at and the receipt is still new. Emits true when
	 * written, or false when nothing was written because the account changed or the
	 * receipt was recorded meanwhile: read the account again.
	 */
	Mono<Boolean> credit(PurchaseCredit credit);

	/**
	 * Emits the holders of the card numbers with their balances, one read for them all;
	 * card numbers no customer has are left out.
	 */
	Flux<HolderBalance> holders(Collection<Long> cardNumbers);

	/**
	 * A card holder and their points balance.
	 *
	 * @param holder the customer
	 * @param balance their balance
	 */
	record HolderBalance(Customer holder, Points balance) {
	}

}
