package dev.punchcard.core.segment.application;

import java.util.ArrayList;
import java.util.List;

import dev.punchcard.core.segment.application.FilterDocument.Read;
import dev.punchcard.core.segment.domain.SegmentFilter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A segment command's name and filter, checked together so one answer names every wrong
 * field.
 */
sealed interface SegmentInput {

	record Checked(String name, @Nullable SegmentFilter filter) implements SegmentInput {
	}

	record Wrong(List<FieldError> errors) implements SegmentInput {
	}

	/** Reads the command; without a filter, a filter is {@code required} or kept. */
	static Mono<SegmentInput> of(FilterCheck filters, SegmentCommand command, boolean required) {
		List<FieldError> nameErrors = SegmentNames.check(command.name());
		if (command.filter() == null) {
			List<FieldError> errors = new ArrayList<>(nameErrors);
			if (required) {
				errors.add(new FieldError("filter", "is required: an object of criteria, {} for every member"));
			}
			return Mono.just(errors.isEmpty() ? new Checked(command.name().strip(), null) : new Wrong(errors));
		}
		return filters.check(command.filter(), "filter").map((read) -> combine(command, nameErrors, read));
	}

	private static SegmentInput combine(SegmentCommand command, List<FieldError> nameErrors, Read read) {
		List<FieldError> errors = new ArrayList<>(nameErrors);
		if (read instanceof Read.Invalid invalid) {
			errors.addAll(invalid.errors());
		}
		if (!errors.isEmpty()) {
			return new Wrong(errors);
		}
		return new Checked(command.name().strip(), ((Read.Valid) read).filter());
	}

}
