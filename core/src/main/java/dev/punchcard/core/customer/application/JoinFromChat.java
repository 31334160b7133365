package dev.punchcard.core.customer.application;

import java.time.Clock;
import java.util.Optional;

import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.customer.application.JoinOutcome.AlreadyMember;
import dev.punchcard.core.customer.application.JoinOutcome.Joined;
import dev.punchcard.core.customer.application.JoinOutcome.UnknownReferral;
import dev.punchcard.core.customer.application.JoinOutcome.UnknownStore;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerStatus;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.store.application.Stores;
import dev.punchcard.core.store.domain.Store;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * A shopper starts the bot: a new chat account becomes a member (with the poster's store
 * as home store and the friend who referred them), a known one is welcomed back. A
 * referral is recorded only for a new member, so nobody can refer themselves or close a
 * loop. A chat account whose platform verified its phone number (WhatsApp) joins the
 * member who already has that number (enrolled at a till, or on another channel), with
 * the same card, balance and history; a new member gets the number.
 */
public class JoinFromChat {

	private final ChatIdentities identities;

	private final Customers customers;

	private final Stores stores;

	private final CodeSigner codes;

	private final EnrolCustomer.EnrolmentDefaults defaults;

	public JoinFromChat(ChatIdentities identities, Customers customers, Stores stores, CodeSigner codes,
			EnrolCustomer.EnrolmentDefaults defaults) {
		this.identities = identities;
		this.customers = customers;
		this.stores = stores;
		this.codes = codes;
		this.defaults = defaults;
	}

	/** Emits what happened; never errors for business reasons. */
	@Transactional
	public Mono<JoinOutcome> join(JoinFromChatCommand command) {
		return this.identities.findCustomer(command.channel(), command.externalId())
			.flatMap((known) -> this.identities
				.setReachable(command.channel(), command.externalId(), true, this.defaults.clock().instant())
				.thenReturn((JoinOutcome) new AlreadyMember(known)))
			.switchIfEmpty(Mono.defer(() -> joinNew(command)));
	}

	private Mono<JoinOutcome> joinNew(JoinFromChatCommand command) {
		return memberWithVerifiedPhone(command).flatMap((member) -> joinMember(member, command))
			.switchIfEmpty(Mono.defer(() -> registerNew(command)));
	}

	private Mono<Customer> memberWithVerifiedPhone(JoinFromChatCommand command) {
		return (command.verifiedPhone() == null) ? Mono.empty() : this.customers.findByPhone(command.verifiedPhone());
	}

	/**
	 * The account joins the member it verifiably belongs to; poster and friend are theirs
	 * already.
	 */
	private Mono<JoinOutcome> joinMember(Customer member, JoinFromChatCommand command) {
		return this.identities
			.link(member.id(), command.channel(), command.externalId(), command.chatId(),
					this.defaults.clock().instant())
			.thenReturn(new AlreadyMember(member));
	}

	private Mono<JoinOutcome> registerNew(JoinFromChatCommand command) {
		return optional(command.storeCode(), this.stores::findByCode)
			.flatMap((store) -> optional(command.referralCode(), this.customers::findByReferralCode)
				.flatMap((referrer) -> register(command, store, referrer))
				.switchIfEmpty(Mono.fromSupplier(UnknownReferral::new)))
			.switchIfEmpty(Mono.fromSupplier(() -> new UnknownStore(String.valueOf(command.storeCode()))));
	}

	private Mono<JoinOutcome> register(JoinFromChatCommand command, Optional<Store> store,
			Optional<Customer> referrer) {
		Customer customer = new Customer(CustomerId.random(), Customer.fromChatName(command.name()),
				command.verifiedPhone(), command.language(), store.map(Store::id).orElse(null), ReferralCodes.next(),
				referrer.map(Customer::id).orElse(null), CustomerStatus.ACTIVE, this.codes.newSerial(),
				this.defaults.lowestTier(), this.defaults.clock().instant());
		return this.customers.insertIfPhoneFree(customer)
			.flatMap((inserted) -> this.identities.link(inserted.id(), command.channel(), command.externalId(),
					command.chatId(), inserted.createdAt()))
			.<JoinOutcome>map((linked) -> new Joined(customer, this.codes.sign(CodePurpose.CARD, customer.cardNumber()),
					referrer.isPresent()))
			// the verified number was enrolled meanwhile (a till, another message): that
			// member is them
			.switchIfEmpty(Mono
				.defer(() -> memberWithVerifiedPhone(command).flatMap((member) -> joinMember(member, command))));
	}

	private static <T> Mono<Optional<T>> optional(String key, java.util.function.Function<String, Mono<T>> find) {
		return key == null ? Mono.just(Optional.empty()) : find.apply(key).map(Optional::of);
	}

}
