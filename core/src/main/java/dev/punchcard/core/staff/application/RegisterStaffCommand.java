package dev.punchcard.core.staff.application;

import dev.punchcard.core.staff.domain.Role;
import org.jspecify.annotations.Nullable;

/**
 * A new staff account.
 *
 * @param username login name
 * @param password clear-text password (hashed at once, never stored or logged)
 * @param role role
 * @param storeCode home store code, mandatory for cashiers
 * @param createdBy the administrator who creates it
 */
public record RegisterStaffCommand(String username, String password, Role role, @Nullable String storeCode,
		String createdBy) {

	@Override
	public String toString() {
		return "RegisterStaffCommand[" + this.username + ", " + this.role + ", " + this.storeCode + "]";
	}

}
