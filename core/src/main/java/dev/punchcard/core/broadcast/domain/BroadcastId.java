package dev.punchcard.core.broadcast.domain;

public record BroadcastId(java.util.UUID value) {
	public BroadcastId {
		java.util.Objects.requireNonNull(value, "value");
	}

	public static BroadcastId random() {
		return new BroadcastId(java.util.UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}
}
