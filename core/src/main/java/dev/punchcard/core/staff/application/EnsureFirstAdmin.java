package dev.punchcard.core.staff.application;

import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.staff.domain.Role;
import dev.punchcard.core.staff.domain.StaffMember;
import reactor.core.publisher.Mono;

/**
 * Creates the first administrator on an empty database, and nothing once any staff
 * account exists.
 */
public class EnsureFirstAdmin {

	private final StaffAccounts accounts;

	private final PasswordHashing hashing;

	public EnsureFirstAdmin(StaffAccounts accounts, PasswordHashing hashing) {
		this.accounts = accounts;
		this.hashing = hashing;
	}

	/** Emits the created administrator, or completes empty when staff already exist. */
	public Mono<StaffMember> ensure(String username, String password) {
		PasswordPolicy.weakness(password).ifPresent((why) -> {
			throw new IllegalArgumentException("PUNCHCARD_ADMIN_PASSWORD is too weak: " + why);
		});
		return this.accounts.any()
			.filter((any) -> !any)
			.flatMap((none) -> this.hashing.hash(password))
			.map((hash) -> new StaffMember(StaffId.random(), username, hash, Role.ADMIN, null, true))
			.flatMap(this.accounts::insertIfAbsent);
	}

}
