package dev.punchcard.core.broadcast.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a broadcast. */
public record BroadcastId(UUID value) {

	public BroadcastId {
		Objects.requireNonNull(value, "value");
	}

	public static BroadcastId random() {
		return new BroadcastId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
