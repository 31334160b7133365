package dev.punchcard.core.customer.application;

import java.util.Optional;

import dev.punchcard.core.customer.application.ContactOutcome.InvalidPhone;
import dev.punchcard.core.customer.application.ContactOutcome.JoinedMember;
import dev.punchcard.core.customer.application.ContactOutcome.NotRegistered;
import dev.punchcard.core.customer.application.ContactOutcome.PhoneSaved;
import dev.punchcard.core.customer.application.ContactOutcome.PhoneTaken;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.PhoneNumbers;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * A member shares their own phone number from the chat: the edge passes only a number the
 * platform ties to this account (Telegram: a contact of the sender's own user id;
 * WhatsApp: the WhatsApp id of the sender's own card), never typed text. A number that
 * another member has already (enrolled at a till, or on another channel) means that
 * membership is theirs: when it has no account on this channel and the chat's own
 * membership has no history yet, the chat joins it and the empty one is retired;
 * otherwise nothing changes.
 */
public class ShareContact {

	private final ChatIdentities identities;

	private final Customers customers;

	private final PhoneNumbers phones;

	private final CustomerMerges merges;

	public ShareContact(ChatIdentities identities, Customers customers, PhoneNumbers phones, CustomerMerges merges) {
		this.identities = identities;
		this.customers = customers;
		this.phones = phones;
		this.merges = merges;
	}

	/** Emits what happened; never errors for business reasons. */
	@Transactional
	public Mono<ContactOutcome> share(ChatChannel channel, String externalId, String phoneNumber) {
		Optional<String> e164 = this.phones.toE164(phoneNumber);
		if (e164.isEmpty()) {
			return Mono.just(new InvalidPhone());
		}
		return this.identities.findCustomer(channel, externalId)
			.flatMap((customer) -> this.customers.changePhone(customer.id(), e164.get())
				.flatMap((saved) -> saved ? Mono.just(new PhoneSaved(e164.get()))
						: joinHolder(channel, customer, e164.get())))
			.switchIfEmpty(Mono.fromSupplier(NotRegistered::new));
	}

	private Mono<ContactOutcome> joinHolder(ChatChannel channel, Customer own, String e164) {
		return this.customers.findByPhone(e164)
			.filterWhen((holder) -> hasNoAccountOn(holder, channel))
			.flatMap((holder) -> foldInto(own, holder))
			.switchIfEmpty(Mono.fromSupplier(PhoneTaken::new));
	}

	/** Completes empty when the chat's own membership has history. */
	private Mono<ContactOutcome> foldInto(Customer own, Customer holder) {
		return this.merges.mergeIfUnused(own.id(), holder.id())
			.filter(Boolean::booleanValue)
			.flatMap((merged) -> this.customers.findById(holder.id()))
			.map(JoinedMember::new);
	}

	private Mono<Boolean> hasNoAccountOn(Customer holder, ChatChannel channel) {
		return this.identities.addressesOf(holder.id())
			.any((address) -> address.channel() == channel)
			.map((any) -> !any);
	}

}
