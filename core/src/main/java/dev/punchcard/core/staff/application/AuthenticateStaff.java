package dev.punchcard.core.staff.application;

import java.util.Optional;

import dev.punchcard.core.staff.domain.StaffMember;
import reactor.core.publisher.Mono;

/** Checks a staff member's username and password. */
public class AuthenticateStaff {

	private final StaffAccounts accounts;

	private final PasswordHashing hashing;

	public AuthenticateStaff(StaffAccounts accounts, PasswordHashing hashing) {
		this.accounts = accounts;
		this.hashing = hashing;
	}

	/**
	 * Emits the active account whose password matches, or completes empty. Unknown
	 * usernames cost the same hashing work as wrong passwords, so response times do not
	 * reveal which usernames exist.
	 */
	public Mono<StaffMember> authenticate(String username, String password) {
		return this.accounts.findByUsername(username)
			.filter(StaffMember::active)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((member) -> check(member, password));
	}

	private Mono<StaffMember> check(Optional<StaffMember> member, String password) {
		if (member.isEmpty()) {
			return this.hashing.matchNothing(password).then(Mono.empty());
		}
		return this.hashing.matches(password, member.get().passwordHash())
			.filter(Boolean::booleanValue)
			.map((matched) -> member.get());
	}

}
