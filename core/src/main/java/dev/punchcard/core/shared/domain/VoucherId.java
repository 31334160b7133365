package dev.punchcard.core.shared.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies an issued voucher. */
public record VoucherId(UUID value) {

	public VoucherId {
		Objects.requireNonNull(value, "value");
	}

	public static VoucherId random() {
		return new VoucherId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
