package dev.punchcard.core.customer.application;

import java.util.Optional;

import dev.punchcard.core.customer.application.ContactOutcome.InvalidPhone;
import dev.punchcard.core.customer.application.ContactOutcome.NotRegistered;
import dev.punchcard.core.customer.application.ContactOutcome.PhoneSaved;
import dev.punchcard.core.customer.application.ContactOutcome.PhoneTaken;
import dev.punchcard.core.customer.domain.PhoneNumbers;
import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Mono;

/** A member shares their own phone number from the chat. */
public class ShareContact {

	private final ChatIdentities identities;

	private final Customers customers;

	private final PhoneNumbers phones;

	public ShareContact(ChatIdentities identities, Customers customers, PhoneNumbers phones) {
		this.identities = identities;
		this.customers = customers;
		this.phones = phones;
	}

	/** Emits what happened; never errors for business reasons. */
	public Mono<ContactOutcome> share(ChatChannel channel, String externalId, String phoneNumber) {
		Optional<String> e164 = this.phones.toE164(phoneNumber);
		if (e164.isEmpty()) {
			return Mono.just(new InvalidPhone());
		}
		return this.identities.findCustomer(channel, externalId)
			.flatMap((customer) -> this.customers.changePhone(customer.id(), e164.get())
				.map((saved) -> saved ? new PhoneSaved(e164.get()) : (ContactOutcome) new PhoneTaken()))
			.switchIfEmpty(Mono.fromSupplier(NotRegistered::new));
	}

}
