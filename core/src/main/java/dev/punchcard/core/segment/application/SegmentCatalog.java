package dev.punchcard.core.segment.application;

import java.time.Clock;

import dev.punchcard.core.segment.domain.SegmentId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Saved segments with how many members each holds now. */
public class SegmentCatalog {

	private final Segments segments;

	private final Audiences audiences;

	private final Clock clock;

	public SegmentCatalog(Segments segments, Audiences audiences, Clock clock) {
		this.segments = segments;
		this.audiences = audiences;
		this.clock = clock;
	}

	/** Emits {@code Saved} with the current count, or {@code Unknown}. */
	public Mono<SegmentOutcome> show(SegmentId id) {
		return this.segments.find(id)
			.flatMap(this::counted)
			.map(SegmentOutcome.class::cast)
			.switchIfEmpty(Mono.fromSupplier(() -> new SegmentOutcome.Unknown(id)));
	}

	/** Emits every segment by name, each with its current count. */
	public Flux<SegmentOutcome.Saved> list() {
		return this.segments.all().concatMap(this::counted);
	}

	/**
	 * Emits one page of the segments by name ({@code size} after the first
	 * {@code page × size}), each with its current count.
	 */
	public Flux<SegmentOutcome.Saved> list(int page, int size) {
		return this.segments.page(page, size).concatMap(this::counted);
	}

	private Mono<SegmentOutcome.Saved> counted(Segment segment) {
		return this.audiences.count(segment.filter(), this.clock.instant())
			.map((count) -> new SegmentOutcome.Saved(segment, count));
	}

}
