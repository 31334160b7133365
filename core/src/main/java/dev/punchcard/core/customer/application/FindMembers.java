package dev.punchcard.core.customer.application;

import java.util.Optional;

import dev.punchcard.core.customer.domain.PhoneNumbers;
import reactor.core.publisher.Flux;

/**
 * Staff find a member by what the member tells or shows them: the card code (typed or
 * scanned), the phone number, or the start of the name.
 */
public class FindMembers {

	/** The most members one search shows. */
	public static final int MAX_MATCHES = 20;

	/** Name prefixes shorter than this would match too many members to be useful. */
	public static final int MIN_NAME_LENGTH = 2;

	private final CustomerProfiles profiles;

	private final Customers customers;

	private final PhoneNumbers phones;

	public FindMembers(CustomerProfiles profiles, Customers customers, PhoneNumbers phones) {
		this.profiles = profiles;
		this.customers = customers;
		this.phones = phones;
	}

	/**
	 * Emits the card holder when the text is a valid card code, else the member with that
	 * phone number when it reads as one, else up to {@link #MAX_MATCHES} members whose
	 * name starts with it (ignoring case; none for fewer than {@link #MIN_NAME_LENGTH}
	 * characters). Completes empty when nobody matches.
	 */
	public Flux<MemberMatch> find(String text) {
		String query = text.strip();
		if (query.isEmpty()) {
			return Flux.empty();
		}
		return this.profiles.byCardCode(query)
			.map(MemberMatch::of)
			.flux()
			.switchIfEmpty(Flux.defer(() -> byPhoneOrName(query)));
	}

	private Flux<MemberMatch> byPhoneOrName(String query) {
		Optional<String> phone = looksLikePhone(query) ? this.phones.toE164(query) : Optional.empty();
		if (phone.isPresent()) {
			return this.customers.findByPhone(phone.get()).map(MemberMatch::of).flux();
		}
		if (query.length() < MIN_NAME_LENGTH) {
			return Flux.empty();
		}
		return this.customers.findByNamePrefix(query, MAX_MATCHES).map(MemberMatch::of);
	}

	private static boolean looksLikePhone(String query) {
		return query.matches("[+]?[0-9][0-9 ()./-]{5,}");
	}

}
