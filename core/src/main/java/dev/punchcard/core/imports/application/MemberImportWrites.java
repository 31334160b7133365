package dev.punchcard.core.imports.application;

import java.time.Instant;
import java.util.List;

import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.StoreId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What a members import reads and writes of the customers. */
public interface MemberImportWrites {

	/** Emits the members who have one of the external ids or phones. */
	Flux<KnownMember> find(List<String> externalIds, List<String> phones);

	/**
	 * Inserts the members with their zero balances, each unless their external id, phone,
	 * card number or referral code is taken; emits the external ids inserted.
	 */
	Flux<String> insert(List<NewMember> members, String tier, Instant now);

	/**
	 * Gives the member the external id, unless they have one already; emits whether it
	 * was given.
	 */
	Mono<Boolean> link(CustomerId customer, String externalId);

	/**
	 * Records that the WhatsApp accounts of these phones (E.164) take no marketing
	 * messages, unless a consent is recorded for them already; completes when written.
	 */
	Mono<Void> optOut(List<String> phones, Instant now);

	/**
	 * A member already stored.
	 *
	 * @param id customer id
	 * @param externalId their external id, if any
	 * @param phone their phone, if any
	 */
	record KnownMember(CustomerId id, @Nullable String externalId, @Nullable String phone) {
	}

	/**
	 * A member to insert.
	 *
	 * @param id customer id
	 * @param externalId external id
	 * @param name display name
	 * @param phone phone in E.164
	 * @param language language tag
	 * @param homeStore home store
	 * @param referralCode their referral code
	 * @param cardNumber their card's serial
	 */
	record NewMember(CustomerId id, String externalId, String name, @Nullable String phone, String language,
			@Nullable StoreId homeStore, String referralCode, long cardNumber) {
	}

}
