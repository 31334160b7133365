package dev.punchcard.core.segment.application;

import java.util.List;

import dev.punchcard.core.shared.domain.PlainText;
import org.jspecify.annotations.Nullable;

/** A segment's name: 1 to 100 characters, not blank, no control characters. */
final class SegmentNames {

	static final int MAX_LENGTH = 100;

	private SegmentNames() {
	}

	/** What is wrong with the name, if anything. */
	static List<FieldError> check(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return List.of(new FieldError("name", "must not be blank"));
		}
		if (name.strip().length() > MAX_LENGTH) {
			return List.of(new FieldError("name", "must be at most " + MAX_LENGTH + " characters"));
		}
		if (!PlainText.isSingleLine(name)) {
			return List.of(new FieldError("name", "must not contain control characters"));
		}
		return List.of();
	}

}
