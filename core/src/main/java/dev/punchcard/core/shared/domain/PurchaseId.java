package dev.punchcard.core.shared.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a recorded purchase. */
public record PurchaseId(UUID value) {

	public PurchaseId {
		Objects.requireNonNull(value, "value");
	}

	public static PurchaseId random() {
		return new PurchaseId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
