package dev.punchcard.core.customer.application;

import java.time.Clock;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * A chat account that is no member's yet writes, and its platform verified its phone
 * number (WhatsApp's {@code wa_id}): it joins the member who has that number (enrolled at
 * a till, or on another channel), so their first message already sees their card and
 * points.
 */
public class RecogniseVerifiedPhone {

	private final ChatIdentities identities;

	private final Customers customers;

	private final Clock clock;

	public RecogniseVerifiedPhone(ChatIdentities identities, Customers customers, Clock clock) {
		this.identities = identities;
		this.customers = customers;
		this.clock = clock;
	}

	/**
	 * Emits the member the account now belongs to, or completes empty when nobody has the
	 * number (or the account was linked meanwhile).
	 * @param verifiedPhone E.164, as the platform verified it; never a typed number
	 */
	@Transactional
	public Mono<Customer> recognise(ChatChannel channel, String externalId, String chatId, String verifiedPhone) {
		return this.customers.findByPhone(verifiedPhone)
			.flatMap((member) -> this.identities.link(member.id(), channel, externalId, chatId, this.clock.instant())
				.filter(Boolean::booleanValue)
				.map((linked) -> member));
	}

}
