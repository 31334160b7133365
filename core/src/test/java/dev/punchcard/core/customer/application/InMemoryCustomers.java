package dev.punchcard.core.customer.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerStatus;
import dev.punchcard.core.points.application.InMemoryPointsLedger;
import dev.punchcard.core.shared.domain.CustomerId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Customers in memory, with the guarantees of {@code R2dbcCustomers} and the
 * {@code customers} table: a phone number belongs to one customer (storing a second one
 * completes empty), card numbers and referral codes are unique (a duplicate errors), no
 * one refers themselves, the referral bonus is marked once, and storing a customer opens
 * their zero balance in the ledger in the same step. A tier change updates the customer
 * and writes a {@link TierChange}. Work happens on subscription, one operation at a time.
 */
public class InMemoryCustomers implements Customers {

	private final InMemoryPointsLedger ledger;

	private final Map<CustomerId, Customer> customers = new LinkedHashMap<>();

	private final Map<CustomerId, Instant> referralRewardedAt = new HashMap<>();

	private final List<TierChange> tierChanges = new ArrayList<>();

	/**
	 * @param ledger where a stored customer's zero balance is opened (one statement in
	 * the real adapter)
	 */
	public InMemoryCustomers(InMemoryPointsLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public Mono<Customer> insertIfPhoneFree(Customer customer) {
		return Mono.fromSupplier(() -> insertNow(customer));
	}

	@Override
	public Mono<Customer> findById(CustomerId id) {
		return findWhere((customer) -> customer.id().equals(id));
	}

	@Override
	public Mono<Customer> findByCardNumber(long cardNumber) {
		return findWhere((customer) -> customer.cardNumber() == cardNumber);
	}

	@Override
	public Mono<Customer> findByPhone(String e164) {
		return findWhere((customer) -> e164.equals(customer.phone()));
	}

	@Override
	public Flux<Customer> findByNamePrefix(String prefix, int limit) {
		String lower = prefix.toLowerCase(java.util.Locale.ROOT);
		return Flux.defer(() -> Flux.fromIterable(snapshot()))
			.filter((customer) -> customer.name().toLowerCase(java.util.Locale.ROOT).startsWith(lower))
			.sort(java.util.Comparator
				.comparing((Customer customer) -> customer.name().toLowerCase(java.util.Locale.ROOT))
				.thenComparing((customer) -> customer.id().value()))
			.take(limit);
	}

	@Override
	public Mono<Customer> findByReferralCode(String referralCode) {
		return findWhere((customer) -> customer.referralCode().equals(referralCode));
	}

	@Override
	public Mono<Customer> changeCardNumber(CustomerId id, long cardNumber) {
		return Mono.fromSupplier(() -> update(id, (known) -> {
			if (findNow((other) -> other.cardNumber() == cardNumber && !other.id().equals(id)) != null) {
				throw new DuplicateKeyException("customers_card_number_key");
			}
			return copy(known, known.phone(), known.language(), cardNumber, known.tier());
		}));
	}

	@Override
	public Mono<Boolean> changePhone(CustomerId id, String e164) {
		return Mono.fromSupplier(() -> changePhoneNow(id, e164));
	}

	@Override
	public Mono<Boolean> changeLanguage(CustomerId id, String language) {
		return Mono.fromSupplier(() -> update(id,
				(known) -> copy(known, known.phone(), language, known.cardNumber(), known.tier())) != null);
	}

	@Override
	public Mono<Boolean> markReferralRewarded(CustomerId id, Instant at) {
		return Mono.fromSupplier(() -> markRewardedNow(id, at));
	}

	@Override
	public Mono<Void> changeTier(CustomerId id, String fromTier, String toTier, long netSpendMinor, String causeType,
			String causeId, Instant at) {
		return Mono.fromRunnable(() -> changeTierNow(id, fromTier, toTier, netSpendMinor, causeType, causeId, at));
	}

	/** Stores the customer and opens their account, as enrolment does; returns it. */
	public Customer save(Customer customer) {
		Customer saved = insertNow(customer);
		if (saved == null) {
			throw new IllegalStateException("phone number already taken");
		}
		return saved;
	}

	/**
	 * Blocks the customer, as an administrator does in the database (no port changes a
	 * status).
	 */
	public synchronized void block(CustomerId id) {
		Customer known = get(id);
		this.customers.put(id,
				new Customer(known.id(), known.name(), known.phone(), known.language(), known.homeStoreId(),
						known.referralCode(), known.referredBy(), CustomerStatus.BLOCKED, known.cardNumber(),
						known.tier(), known.createdAt()));
	}

	/**
	 * Deletes a customer and their zero balance, as {@code R2dbcCustomerMerges} does;
	 * errors, as the foreign keys would, while ledger entries refer to them.
	 */
	public synchronized void delete(CustomerId id) {
		get(id);
		this.ledger.closeAccount(id);
		this.customers.remove(id);
	}

	/** The customer as stored now. */
	public synchronized Customer get(CustomerId id) {
		return Objects.requireNonNull(this.customers.get(id), () -> "no customer " + id);
	}

	/** The customer's tier changes in the order they were recorded. */
	public synchronized List<TierChange> tierChangesOf(CustomerId id) {
		return this.tierChanges.stream().filter((change) -> change.customerId().equals(id)).toList();
	}

	/** When the customer's referral bonus was marked paid, if it was. */
	public synchronized @Nullable Instant referralRewardedAt(CustomerId id) {
		return this.referralRewardedAt.get(id);
	}

	private synchronized @Nullable Customer insertNow(Customer customer) {
		if (customer.phone() != null && findNow((other) -> Objects.equals(other.phone(), customer.phone())) != null) {
			return null;
		}
		if (this.customers.containsKey(customer.id())) {
			throw new DuplicateKeyException("customers_pkey");
		}
		if (findNow((other) -> other.cardNumber() == customer.cardNumber()) != null) {
			throw new DuplicateKeyException("customers_card_number_key");
		}
		if (findNow((other) -> other.referralCode().equals(customer.referralCode())) != null) {
			throw new DuplicateKeyException("customers_referral_code_key");
		}
		if (customer.id().equals(customer.referredBy())) {
			throw new DataIntegrityViolationException("customers_not_self_referred_check");
		}
		if (customer.referredBy() != null && !this.customers.containsKey(customer.referredBy())) {
			throw new DataIntegrityViolationException("customers_referred_by_fkey");
		}
		this.ledger.openAccount(customer.id());
		this.customers.put(customer.id(), customer);
		return customer;
	}

	private synchronized boolean changePhoneNow(CustomerId id, String e164) {
		if (findNow((other) -> e164.equals(other.phone()) && !other.id().equals(id)) != null) {
			return false;
		}
		return update(id, (known) -> copy(known, e164, known.language(), known.cardNumber(), known.tier())) != null;
	}

	private synchronized boolean markRewardedNow(CustomerId id, Instant at) {
		if (!this.customers.containsKey(id) || this.referralRewardedAt.containsKey(id)) {
			return false;
		}
		this.referralRewardedAt.put(id, at);
		return true;
	}

	private synchronized void changeTierNow(CustomerId id, String fromTier, String toTier, long netSpendMinor,
			String causeType, String causeId, Instant at) {
		// UPDATE ... WHERE id = :customerId AND tier = :fromTier, then the history row
		// only
		// if a customer changed
		Customer current = this.customers.get(id);
		if (current != null && current.tier().equals(fromTier) && update(id,
				(known) -> copy(known, known.phone(), known.language(), known.cardNumber(), toTier)) != null) {
			this.tierChanges.add(new TierChange(id, fromTier, toTier, netSpendMinor, causeType, causeId, at));
		}
	}

	private synchronized @Nullable Customer update(CustomerId id, UnaryOperator<Customer> change) {
		Customer known = this.customers.get(id);
		if (known == null) {
			return null;
		}
		Customer changed = change.apply(known);
		this.customers.put(id, changed);
		return changed;
	}

	private Mono<Customer> findWhere(Predicate<Customer> condition) {
		return Mono.fromSupplier(() -> findNow(condition));
	}

	private synchronized List<Customer> snapshot() {
		return List.copyOf(this.customers.values());
	}

	private synchronized @Nullable Customer findNow(Predicate<Customer> condition) {
		return this.customers.values().stream().filter(condition).findFirst().orElse(null);
	}

	private static Customer copy(Customer known, @Nullable String phone, String language, long cardNumber,
			String tier) {
		return new Customer(known.id(), known.name(), phone, language, known.homeStoreId(), known.referralCode(),
				known.referredBy(), known.status(), cardNumber, tier, known.createdAt());
	}

	/**
	 * A row of {@code tier_changes}.
	 *
	 * @param customerId whose tier
	 * @param fromTier tier before
	 * @param toTier tier after
	 * @param netSpendMinor net spend that decided it
	 * @param causeType what caused the review
	 * @param causeId id of the cause
	 * @param at when
	 */
	public record TierChange(CustomerId customerId, String fromTier, String toTier, long netSpendMinor,
			String causeType, String causeId, Instant at) {
	}

}
