package dev.punchcard.app.console;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;

import dev.punchcard.app.security.CurrentStaff;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.staff.domain.Role;
import dev.punchcard.core.staff.domain.StaffMember;
import org.jspecify.annotations.Nullable;

/**
 * The staff member logged in to the console, as kept in the session (serialisable: the
 * session lives in Redis, shared by every instance).
 */
public record ConsoleUser(UUID id, String username, Role role, @Nullable String storeCode) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static ConsoleUser of(StaffMember member, @Nullable String storeCode) {
		return new ConsoleUser(member.id().value(), member.username(), member.role(), storeCode);
	}

	CurrentStaff staff() {
		return new CurrentStaff(this.username, new StaffId(this.id), this.role, this.storeCode);
	}

	public boolean is(String role) {
		return this.role.name().equals(role);
	}

	public boolean mayUseTill() {
		return this.role == Role.ADMIN || this.role == Role.CASHIER;
	}

	public boolean mayMarket() {
		return this.role == Role.ADMIN || this.role == Role.MARKETER;
	}

	public boolean mayAdminister() {
		return this.role == Role.ADMIN;
	}

}
