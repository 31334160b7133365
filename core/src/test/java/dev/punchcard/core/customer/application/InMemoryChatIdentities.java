package dev.punchcard.core.customer.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Chat accounts in memory, with the guarantees of {@code R2dbcChatIdentities}: an account
 * (channel, user id) belongs to one customer, linking it again changes nothing. Customers
 * are read from the {@link InMemoryCustomers} they belong to.
 */
public class InMemoryChatIdentities implements ChatIdentities {

	private final InMemoryCustomers customers;

	private final Map<Account, Identity> identities = new LinkedHashMap<>();

	public InMemoryChatIdentities(InMemoryCustomers customers) {
		this.customers = customers;
	}

	@Override
	public Mono<Customer> findCustomer(ChatChannel channel, String externalId) {
		return findMember(channel, externalId).map(ChatMember::customer);
	}

	@Override
	public Mono<ChatMember> findMember(ChatChannel channel, String externalId) {
		return Mono.fromSupplier(() -> memberNow(new Account(channel, externalId)));
	}

	@Override
	public Mono<Boolean> link(CustomerId customerId, ChatChannel channel, String externalId, String chatId,
			Instant at) {
		return Mono.fromSupplier(() -> linkNow(customerId, new Account(channel, externalId), chatId, at));
	}

	@Override
	public Mono<Void> setReachable(ChatChannel channel, String externalId, boolean reachable, Instant at) {
		return Mono.fromRunnable(() -> setReachableNow(new Account(channel, externalId), reachable, at));
	}

	@Override
	public Flux<ChatAddress> addressesOf(CustomerId customerId) {
		return Flux.defer(() -> Flux.fromIterable(addressesNow(customerId)));
	}

	/** The customer the account belongs to now, if any. */
	public synchronized @Nullable CustomerId ownerOf(ChatChannel channel, String externalId) {
		Identity identity = this.identities.get(new Account(channel, externalId));
		return (identity != null) ? identity.customerId() : null;
	}

	/** Moves every account of one customer to another, as a merge does. */
	public synchronized void moveAll(CustomerId from, CustomerId into) {
		this.identities.replaceAll((account, identity) -> identity.customerId().equals(from)
				? new Identity(into, identity.chatId(), identity.reachable(), identity.lastSeenAt()) : identity);
	}

	private synchronized @Nullable ChatMember memberNow(Account account) {
		Identity identity = this.identities.get(account);
		if (identity == null) {
			return null;
		}
		Instant otherSeenAt = this.identities.entrySet()
			.stream()
			.filter((other) -> !other.getKey().equals(account)
					&& other.getValue().customerId().equals(identity.customerId())
					&& other.getValue().lastSeenAt() != null)
			.map((other) -> other.getValue().lastSeenAt())
			.max(Instant::compareTo)
			.orElse(null);
		return new ChatMember(this.customers.get(identity.customerId()), identity.reachable(), identity.lastSeenAt(),
				otherSeenAt);
	}

	private synchronized boolean linkNow(CustomerId customerId, Account account, String chatId, Instant at) {
		Objects.requireNonNull(this.customers.get(customerId));
		return this.identities.putIfAbsent(account, new Identity(customerId, chatId, true, at)) == null;
	}

	private synchronized void setReachableNow(Account account, boolean reachable, Instant at) {
		this.identities.computeIfPresent(account, (key, identity) -> new Identity(identity.customerId(),
				identity.chatId(), reachable, reachable ? at : identity.lastSeenAt()));
	}

	private synchronized List<ChatAddress> addressesNow(CustomerId customerId) {
		return this.identities.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().customerId().equals(customerId))
			.map((entry) -> new ChatAddress(customerId, entry.getKey().channel(), entry.getKey().externalId(),
					entry.getValue().chatId(), this.customers.get(customerId).language(), entry.getValue().reachable()))
			.toList();
	}

	private record Account(ChatChannel channel, String externalId) {
	}

	private record Identity(CustomerId customerId, String chatId, boolean reachable, @Nullable Instant lastSeenAt) {
	}

}
