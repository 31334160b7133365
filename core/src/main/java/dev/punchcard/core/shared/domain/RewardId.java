package dev.punchcard.core.shared.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a reward of the catalog. */
public record RewardId(UUID value) {

	public RewardId {
		Objects.requireNonNull(value, "value");
	}

	public static RewardId random() {
		return new RewardId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
