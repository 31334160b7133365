package dev.punchcard.core.shared.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a customer of the loyalty program. */
public record CustomerId(UUID value) {

	public CustomerId {
		Objects.requireNonNull(value, "value");
	}

	public static CustomerId random() {
		return new CustomerId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
