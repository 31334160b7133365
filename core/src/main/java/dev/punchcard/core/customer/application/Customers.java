package dev.punchcard.core.customer.application;

import java.time.Instant;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Customers of the program. */
public interface Customers {

	/**
	 * Stores the customer with a zero balance. Emits it, or completes empty when the
	 * phone number already belongs to another customer.
	 */
	Mono<Customer> insertIfPhoneFree(Customer customer);

	/** Emits the customer, or completes empty. */
	Mono<Customer> findById(CustomerId id);

	/** Emits the customer whose current card has this number, or completes empty. */
	Mono<Customer> findByCardNumber(long cardNumber);

	/** Emits the customer with this phone number (E.164), or completes empty. */
	Mono<Customer> findByPhone(String e164);

	/**
	 * Emits up to {@code limit} customers whose name starts with the prefix (ignoring
	 * case), in name order; completes empty when none does.
	 */
	Flux<Customer> findByNamePrefix(String prefix, int limit);

	/** Emits the customer with this referral code, or completes empty. */
	Mono<Customer> findByReferralCode(String referralCode);

	/**
	 * Gives the customer a new card number; emits the customer, or completes empty when
	 * unknown.
	 */
	Mono<Customer> changeCardNumber(CustomerId id, long cardNumber);

	/**
	 * Sets the phone number; emits false when another customer has it (then nothing
	 * changes).
	 */
	Mono<Boolean> changePhone(CustomerId id, String e164);

	/** Sets the language of messages; emits false for an unknown customer. */
	Mono<Boolean> changeLanguage(CustomerId id, String language);

	/**
	 * Marks the customer's referral as rewarded; emits true the first time only, so the
	 * bonus is paid once.
	 */
	Mono<Boolean> markReferralRewarded(CustomerId id, Instant at);

	/**
	 * Moves the customer from one tier to another and records the change with its cause;
	 * changes nothing when they are no longer in the tier the change is from.
	 */
	Mono<Void> changeTier(CustomerId id, String fromTier, String toTier, long netSpendMinor, String causeType,
			String causeId, Instant at);

}
