package dev.punchcard.core.customer.application;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerStatus;
import dev.punchcard.core.shared.domain.CustomerId;
import org.jspecify.annotations.Nullable;

/** A member found by a staff search: enough to tell them apart and open their profile. */
public record MemberMatch(CustomerId id, String name, @Nullable String phone, String tier, CustomerStatus status) {

	static MemberMatch of(Customer customer) {
		return new MemberMatch(customer.id(), customer.name(), customer.phone(), customer.tier(), customer.status());
	}

	static MemberMatch of(CustomerProfile profile) {
		return new MemberMatch(profile.id(), profile.name(), profile.phone(), profile.tier(), profile.status());
	}

}
