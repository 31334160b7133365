package dev.punchcard.core.customer.application;

import java.time.Clock;
import java.util.Optional;

import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.customer.application.EnrolmentOutcome.Enrolled;
import dev.punchcard.core.customer.application.EnrolmentOutcome.InvalidPhone;
import dev.punchcard.core.customer.application.EnrolmentOutcome.PhoneTaken;
import dev.punchcard.core.customer.application.EnrolmentOutcome.UnknownStore;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerStatus;
import dev.punchcard.core.customer.domain.PhoneNumbers;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.store.application.Stores;
import dev.punchcard.core.store.domain.Store;
import reactor.core.publisher.Mono;

/** A customer joins the program (at a till, or from a chat) and gets a member card. */
public class EnrolCustomer {

	private final Customers customers;

	private final Stores stores;

	private final CodeSigner codes;

	private final PhoneNumbers phones;

	private final EnrolmentDefaults defaults;

	public EnrolCustomer(Customers customers, Stores stores, CodeSigner codes, PhoneNumbers phones,
			EnrolmentDefaults defaults) {
		this.customers = customers;
		this.stores = stores;
		this.codes = codes;
		this.phones = phones;
		this.defaults = defaults;
	}

	/** Emits what happened; never errors for business reasons. */
	public Mono<EnrolmentOutcome> enrol(EnrolCustomerCommand command) {
		Optional<String> phone = Optional.ofNullable(command.phone()).flatMap(this.phones::toE164);
		if (command.phone() != null && phone.isEmpty()) {
			return Mono.just(new InvalidPhone());
		}
		return homeStore(command.homeStoreCode())
			.flatMap((store) -> insert(command, phone.orElse(null), store.map(Store::id).orElse(null)))
			.switchIfEmpty(Mono.fromSupplier(() -> new UnknownStore(String.valueOf(command.homeStoreCode()))));
	}

	private Mono<Optional<Store>> homeStore(String code) {
		return code == null ? Mono.just(Optional.empty()) : this.stores.findByCode(code).map(Optional::of);
	}

	private Mono<EnrolmentOutcome> insert(EnrolCustomerCommand command, String phone, StoreId storeId) {
		Customer customer = new Customer(CustomerId.random(), command.name().strip(), phone, command.language(),
				storeId, ReferralCodes.next(), null, CustomerStatus.ACTIVE, this.codes.newSerial(),
				this.defaults.lowestTier(), this.defaults.clock().instant());
		return this.customers.insertIfPhoneFree(customer)
			.<EnrolmentOutcome>map(
					(enrolled) -> new Enrolled(enrolled, this.codes.sign(CodePurpose.CARD, enrolled.cardNumber())))
			.defaultIfEmpty(new PhoneTaken());
	}

	/**
	 * What a new customer starts with.
	 *
	 * @param lowestTier name of the entry tier
	 * @param clock the clock
	 */
	public record EnrolmentDefaults(String lowestTier, Clock clock) {
	}

}
