package dev.punchcard.core.segment.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a saved segment. */
public record SegmentId(UUID value) {

	public SegmentId {
		Objects.requireNonNull(value, "value");
	}

	public static SegmentId random() {
		return new SegmentId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
