package dev.punchcard.bot.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.punchcard.bot.reply.Texts;
import dev.punchcard.core.customer.application.ChatIdentities;
import dev.punchcard.core.customer.application.ChatMember;
import dev.punchcard.core.customer.application.RecogniseVerifiedPhone;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.staff.application.StaffChats;
import dev.punchcard.core.staff.domain.StaffMember;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds who is behind a chat event, and notes that they wrote (which makes them reachable
 * again).
 */
@Component
class ChatContexts {

	private final ChatIdentities identities;

	private final StaffChats staffChats;

	private final RecogniseVerifiedPhone recognise;

	private final Clock clock;

	ChatContexts(ChatIdentities identities, StaffChats staffChats, RecogniseVerifiedPhone recognise, Clock clock) {
		this.identities = identities;
		this.staffChats = staffChats;
		this.recognise = recognise;
		this.clock = clock;
	}

	Mono<ChatContext> of(ChatEvent event) {
		Mono<StaffMember> staff = this.staffChats.findStaff(event.channel(), event.userId()).cache();
		return this.identities.findMember(event.channel(), event.userId())
			.switchIfEmpty(Mono.defer(() -> recognised(event)))
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((member) -> {
				Optional<Customer> customer = member.map(ChatMember::customer);
				return markSeen(event, member)
					.thenReturn(new ChatContext(event, language(event, customer), customer, staff));
			});
	}

	/**
	 * A chat account no member has yet, whose phone number the platform verified, belongs
	 * to the member with that number, if there is one: their first message sees their
	 * card.
	 */
	private Mono<ChatMember> recognised(ChatEvent event) {
		String phone = event.verifiedPhone();
		if (phone == null) {
			return Mono.empty();
		}
		return this.recognise.recognise(event.channel(), event.userId(), event.chatId(), phone)
			.map((customer) -> new ChatMember(customer, true, this.clock.instant()));
	}

	/** Only a message that changes what is recorded costs a write. */
	private Mono<Void> markSeen(ChatEvent event, Optional<ChatMember> member) {
		Instant now = this.clock.instant();
		return member.filter((known) -> known.changesWhenSeenAt(now)).isEmpty() ? Mono.empty()
				: this.identities.setReachable(event.channel(), event.userId(), true, now);
	}

	private static String language(ChatEvent event, Optional<Customer> customer) {
		return Texts.supported(customer.map(Customer::language).orElse(event.languageCode()));
	}

}
