package dev.punchcard.app.security;

import java.util.List;
import java.util.UUID;

import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.staff.domain.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The staff member behind a request, read from their token.
 *
 * @param username login name
 * @param id staff id
 * @param role role
 * @param storeCode home store, for cashiers
 */
public record CurrentStaff(String username, StaffId id, Role role, @Nullable String storeCode) {

	public static CurrentStaff of(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList(StaffTokens.ROLES);
		return new CurrentStaff(jwt.getSubject(), new StaffId(UUID.fromString(jwt.getClaimAsString("sid"))),
				Role.valueOf(roles.get(0)), jwt.getClaimAsString(StaffTokens.STORE));
	}

	/**
	 * Whether this member may act for the store: administrators anywhere, cashiers at
	 * their home store.
	 */
	public boolean mayActAt(String storeCode) {
		return this.role == Role.ADMIN || storeCode.equals(this.storeCode);
	}

}
