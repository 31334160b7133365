package dev.punchcard.core.segment.application;

import java.time.Instant;

import dev.punchcard.core.segment.domain.SegmentFilter;
import reactor.core.publisher.Mono;

/** Evaluates filters over the members as they are now. */
public interface Audiences {

	/** Emits how many active members meet the filter at {@code now}. */
	Mono<Long> count(SegmentFilter filter, Instant now);

	/** Emits the count and a sample of up to {@code sampleSize} members. */
	Mono<Audience> preview(SegmentFilter filter, Instant now, int sampleSize);

}
