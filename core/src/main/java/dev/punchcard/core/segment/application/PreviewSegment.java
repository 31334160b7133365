package dev.punchcard.core.segment.application;

import java.time.Clock;
import java.util.Map;

import dev.punchcard.core.segment.application.FilterDocument.Read;
import reactor.core.publisher.Mono;

/**
 * Answers how many members a filter holds now and shows some of them, without saving
 * anything.
 */
public class PreviewSegment {

	private final FilterCheck filters;

	private final Audiences audiences;

	private final Clock clock;

	public PreviewSegment(FilterCheck filters, Audiences audiences, Clock clock) {
		this.filters = filters;
		this.audiences = audiences;
		this.clock = clock;
	}

	/**
	 * Emits the count and a sample of {@link Audience#SAMPLE_SIZE}, or the fields that
	 * are wrong.
	 */
	public Mono<PreviewOutcome> preview(Map<String, ?> filter) {
		return this.filters.check(filter, "filter").flatMap(this::previewOf);
	}

	private Mono<PreviewOutcome> previewOf(Read read) {
		return switch (read) {
			case Read.Invalid invalid -> Mono.just(new PreviewOutcome.Invalid(invalid.errors()));
			case Read.Valid valid -> this.audiences.preview(valid.filter(), this.clock.instant(), Audience.SAMPLE_SIZE)
				.map(PreviewOutcome.Previewed::new);
		};
	}

}
