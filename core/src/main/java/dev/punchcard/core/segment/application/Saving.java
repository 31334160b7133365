package dev.punchcard.core.segment.application;

import java.time.Instant;

import dev.punchcard.core.segment.application.Segments.SegmentWrite;
import reactor.core.publisher.Mono;

/** Turns what a write did into the outcome that shows it, counting a written segment. */
final class Saving {

	private Saving() {
	}

	static Mono<SegmentOutcome> answer(SegmentWrite write, Audiences audiences, Instant now) {
		return switch (write) {
			case SegmentWrite.Written written -> audiences.count(written.segment().filter(), now)
				.map((count) -> new SegmentOutcome.Saved(written.segment(), count));
			case SegmentWrite.NameTaken taken -> Mono.just(new SegmentOutcome.NameTaken(taken.name()));
			case SegmentWrite.Missing missing -> Mono.just(new SegmentOutcome.Unknown(missing.id()));
		};
	}

}
