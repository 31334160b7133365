package dev.punchcard.core.shared.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a staff member. */
public record StaffId(UUID value) {

	public StaffId {
		Objects.requireNonNull(value, "value");
	}

	public static StaffId random() {
		return new StaffId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
