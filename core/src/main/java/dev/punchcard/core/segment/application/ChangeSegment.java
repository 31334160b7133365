package dev.punchcard.core.segment.application;

import java.time.Clock;
import java.time.Instant;

import dev.punchcard.core.segment.domain.SegmentId;
import reactor.core.publisher.Mono;

/**
 * Renames a saved segment and, when a filter is given, replaces its filter; audited as
 * changed by who asked, with the segment before and after.
 */
public class ChangeSegment {

	private final FilterCheck filters;

	private final Segments segments;

	private final Audiences audiences;

	private final Clock clock;

	public ChangeSegment(FilterCheck filters, Segments segments, Audiences audiences, Clock clock) {
		this.filters = filters;
		this.segments = segments;
		this.audiences = audiences;
		this.clock = clock;
	}

	/** Emits {@code Saved}, {@code Invalid}, {@code NameTaken} or {@code Unknown}. */
	public Mono<SegmentOutcome> change(SegmentId id, SegmentCommand command) {
		return SegmentInput.of(this.filters, command, false).flatMap((input) -> switch (input) {
			case SegmentInput.Wrong wrong -> Mono.just(new SegmentOutcome.Invalid(wrong.errors()));
			case SegmentInput.Checked checked -> update(id, command, checked);
		});
	}

	private Mono<SegmentOutcome> update(SegmentId id, SegmentCommand command, SegmentInput.Checked checked) {
		Instant now = this.clock.instant();
		return this.segments.update(id, checked.name(), checked.filter(), command.by(), now)
			.flatMap((written) -> Saving.answer(written, this.audiences, now));
	}

}
