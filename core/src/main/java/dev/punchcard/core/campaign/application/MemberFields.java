package dev.punchcard.core.campaign.application;

import java.util.Collection;

import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Flux;

/**
 * The member fields templates show, read in one statement for any number of members (a
 * broadcast loads a batch at a time).
 */
public interface MemberFields {

	/**
	 * Emits the fields of each of the members that exists, in no particular order;
	 * unknown ids are left out. Never errors for business reasons.
	 */
	Flux<MemberFieldValues> of(Collection<CustomerId> ids);

}
