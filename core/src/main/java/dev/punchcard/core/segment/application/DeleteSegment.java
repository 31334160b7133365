package dev.punchcard.core.segment.application;

import java.time.Clock;

import dev.punchcard.core.segment.domain.SegmentId;
import dev.punchcard.core.shared.domain.StaffId;
import reactor.core.publisher.Mono;

/** Deletes a saved segment, audited with who deleted it and what it was. */
public class DeleteSegment {

	private final Segments segments;

	private final Clock clock;

	public DeleteSegment(Segments segments, Clock clock) {
		this.segments = segments;
		this.clock = clock;
	}

	/** Emits whether the segment existed. */
	public Mono<Boolean> delete(SegmentId id, StaffId by) {
		return this.segments.delete(id, by, this.clock.instant());
	}

}
