package dev.punchcard.core.staff.domain;

import java.util.regex.Pattern;

import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.shared.domain.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * A staff account. The password is only ever held as a BCrypt hash.
 *
 * @param id staff id
 * @param username unique login name
 * @param passwordHash BCrypt hash
 * @param role what they may do
 * @param storeId home store (mandatory for cashiers)
 * @param active whether they may log in
 */
public record StaffMember(StaffId id, String username, String passwordHash, Role role, @Nullable StoreId storeId,
		boolean active) {

	public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");

	public StaffMember {
		if (!USERNAME.matcher(username).matches()) {
			throw new IllegalArgumentException("username must be 3-64 letters, digits, . _ @ or -");
		}
		if (role == Role.CASHIER && storeId == null) {
			throw new IllegalArgumentException("a cashier needs a home store");
		}
	}

	@Override
	public String toString() {
		return "StaffMember[" + this.username + ", " + this.role + "]";
	}

}
