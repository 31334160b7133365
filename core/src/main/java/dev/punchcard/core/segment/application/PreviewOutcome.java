package dev.punchcard.core.segment.application;

import java.util.List;

/** What previewing a filter answers besides a technical failure. */
public sealed interface PreviewOutcome {

	/** Who the filter holds now. */
	record Previewed(Audience audience) implements PreviewOutcome {
	}

	/** Fields that are unknown or wrong. */
	record Invalid(List<FieldError> errors) implements PreviewOutcome {

		public Invalid {
			errors = errors.stream().sorted().toList();
		}

	}

}
