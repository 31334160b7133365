package dev.punchcard.core.customer.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.punchcard.core.customer.application.LinkOutcome.AlreadyLinked;
import dev.punchcard.core.customer.application.LinkOutcome.BothHaveHistory;
import dev.punchcard.core.customer.application.LinkOutcome.InvalidCode;
import dev.punchcard.core.customer.application.LinkOutcome.Linked;
import dev.punchcard.core.customer.application.LinkOutcome.SameChannel;
import dev.punchcard.core.customer.application.LinkOutcome.TooManyAttempts;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.shared.domain.CustomerId;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * A person sends, on one channel, the code they asked for on another
 * ({@link IssueChatLinkCode}): their chat account joins the code's member. An account
 * that belongs to a member without history brings that member's accounts along and the
 * empty member is retired (either way round: the one with history stays); two members
 * that both have history are never merged. A code works once, only on another channel,
 * for 10 minutes; after {@link #MAX_FAILURES} wrong codes in {@link #FAILURE_WINDOW} an
 * account may not try again until the window has passed.
 */
public class LinkChats {

	/** Wrong codes a chat account may try per {@link #FAILURE_WINDOW}. */
	public static final int MAX_FAILURES = 5;

	public static final Duration FAILURE_WINDOW = Duration.ofMinutes(10);

	private final ChatLinkCodes codes;

	private final ChatIdentities identities;

	private final Customers customers;

	private final CustomerMerges merges;

	private final Clock clock;

	public LinkChats(ChatLinkCodes codes, ChatIdentities identities, Customers customers, CustomerMerges merges,
			Clock clock) {
		this.codes = codes;
		this.identities = identities;
		this.customers = customers;
		this.merges = merges;
		this.clock = clock;
	}

	/** Emits what happened; never errors for business reasons. */
	@Transactional
	public Mono<LinkOutcome> link(LinkChatsCommand command) {
		Instant now = this.clock.instant();
		return this.codes.failuresSince(command.channel(), command.externalId(), now.minus(FAILURE_WINDOW))
			.flatMap((failures) -> (failures >= MAX_FAILURES) ? Mono.just(new TooManyAttempts())
					: tryCode(command, now));
	}

	private Mono<LinkOutcome> tryCode(LinkChatsCommand command, Instant now) {
		Optional<String> code = ChatLinkCode.normalised(command.code());
		if (code.isEmpty()) {
			return failed(command, now);
		}
		return this.codes.use(code.get(), command.channel(), now)
			.flatMap(this.customers::findById)
			.flatMap((member) -> join(command, member, now))
			.switchIfEmpty(Mono.defer(() -> unusable(command, code.get(), now)));
	}

	/**
	 * A code from this same channel is explained and stays valid; anything else is a
	 * wrong try.
	 */
	private Mono<LinkOutcome> unusable(LinkChatsCommand command, String code, Instant now) {
		return this.codes.findUsable(code, now)
			.filter((usable) -> usable.channel() == command.channel())
			.<LinkOutcome>map((usable) -> new SameChannel(usable.channel()))
			.switchIfEmpty(Mono.defer(() -> failed(command, now)));
	}

	private Mono<LinkOutcome> failed(LinkChatsCommand command, Instant now) {
		return this.codes.recordFailure(command.channel(), command.externalId(), now).thenReturn(new InvalidCode());
	}

	private Mono<LinkOutcome> join(LinkChatsCommand command, Customer member, Instant now) {
		return this.identities.findCustomer(command.channel(), command.externalId())
			.flatMap((own) -> fold(own, member))
			.switchIfEmpty(Mono.defer(() -> this.identities
				.link(member.id(), command.channel(), command.externalId(), command.chatId(), now)
				.thenReturn(new Linked(member, false))));
	}

	/**
	 * The member without history goes into the other; with history on both sides, none.
	 */
	private Mono<LinkOutcome> fold(Customer own, Customer member) {
		if (own.id().equals(member.id())) {
			return Mono.just(new AlreadyLinked(member));
		}
		return this.merges.mergeIfUnused(own.id(), member.id())
			.flatMap((merged) -> merged ? survivor(member.id()) : foldInto(own, member));
	}

	private Mono<LinkOutcome> foldInto(Customer own, Customer member) {
		return this.merges.mergeIfUnused(member.id(), own.id())
			.flatMap((merged) -> merged ? survivor(own.id()) : Mono.just(new BothHaveHistory()));
	}

	/** Read again: the survivor may have taken over the retired member's phone number. */
	private Mono<LinkOutcome> survivor(CustomerId id) {
		return this.customers.findById(id).map((member) -> new Linked(member, true));
	}

}
