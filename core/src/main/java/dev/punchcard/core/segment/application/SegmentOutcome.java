package dev.punchcard.core.segment.application;

import java.util.List;

import dev.punchcard.core.segment.domain.SegmentId;

/**
 * Everything saving, changing or showing a segment can answer besides a technical
 * failure.
 */
public sealed interface SegmentOutcome {

	/** The segment as saved, with how many members it holds now. */
	record Saved(Segment segment, long count) implements SegmentOutcome {
	}

	/** Fields that are unknown or wrong; nothing was written. */
	record Invalid(List<FieldError> errors) implements SegmentOutcome {

		public Invalid {
			errors = errors.stream().sorted().toList();
		}

	}

	/** Another segment has the name (case-insensitively); nothing was written. */
	record NameTaken(String name) implements SegmentOutcome {
	}

	/** No segment has the id. */
	record Unknown(SegmentId id) implements SegmentOutcome {
	}

}
