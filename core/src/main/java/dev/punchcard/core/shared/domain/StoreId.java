package dev.punchcard.core.shared.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a store of the brand. */
public record StoreId(UUID value) {

	public StoreId {
		Objects.requireNonNull(value, "value");
	}

	public static StoreId random() {
		return new StoreId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
