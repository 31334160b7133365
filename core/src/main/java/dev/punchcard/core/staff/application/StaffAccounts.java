package dev.punchcard.core.staff.application;

import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.staff.domain.StaffMember;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff accounts. */
public interface StaffAccounts {

	/**
	 * Emits the account if it was stored, or completes empty when the username is taken.
	 */
	Mono<StaffMember> insertIfAbsent(StaffMember member);

	/** Emits the account with this username, or completes empty. */
	Mono<StaffMember> findByUsername(String username);

	/** Emits the account, or completes empty. */
	Mono<StaffMember> findById(StaffId id);

	/** Emits every account ordered by username. */
	Flux<StaffMember> all();

	/** Emits whether any account exists. */
	Mono<Boolean> any();

	/** Emits the deactivated account, or completes empty when unknown. */
	Mono<StaffMember> deactivate(StaffId id);

}
