package dev.punchcard.core.segment.application;

import java.time.Clock;
import java.time.Instant;

import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.segment.domain.SegmentId;
import reactor.core.publisher.Mono;

/**
 * Saves a new named segment, audited as created by who asked, and answers how many
 * members it holds now.
 */
public class CreateSegment {

	private final FilterCheck filters;

	private final Segments segments;

	private final Audiences audiences;

	private final Clock clock;

	public CreateSegment(FilterCheck filters, Segments segments, Audiences audiences, Clock clock) {
		this.filters = filters;
		this.segments = segments;
		this.audiences = audiences;
		this.clock = clock;
	}

	/** Emits {@code Saved}, {@code Invalid} or {@code NameTaken}. */
	public Mono<SegmentOutcome> create(SegmentCommand command) {
		return SegmentInput.of(this.filters, command, true).flatMap((input) -> switch (input) {
			case SegmentInput.Wrong wrong -> Mono.just(new SegmentOutcome.Invalid(wrong.errors()));
			case SegmentInput.Checked checked -> insert(command, checked);
		});
	}

	private Mono<SegmentOutcome> insert(SegmentCommand command, SegmentInput.Checked checked) {
		Instant now = this.clock.instant();
		SegmentFilter filter = (checked.filter() != null) ? checked.filter() : SegmentFilter.everyone();
		Segment segment = new Segment(SegmentId.random(), checked.name(), filter, command.by(), now, command.by(), now);
		return this.segments.insert(segment).flatMap((written) -> Saving.answer(written, this.audiences, now));
	}

}
