package dev.punchcard.core.segment.application;

import java.time.Instant;

import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.segment.domain.SegmentId;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Saved segments. Every change writes its audit row (who, when, what) together with the
 * change, atomically.
 */
public interface Segments {

	/**
	 * Stores the new segment, audited as created by its {@code createdBy}; emits
	 * {@link SegmentWrite.Written}, or {@link SegmentWrite.NameTaken} when another
	 * segment has the name (case-insensitively).
	 */
	Mono<SegmentWrite> insert(Segment segment);

	/**
	 * Renames the segment and, unless {@code filter} is null, replaces its filter; emits
	 * {@link SegmentWrite.Written}, {@link SegmentWrite.NameTaken} or
	 * {@link SegmentWrite.Missing}.
	 */
	Mono<SegmentWrite> update(SegmentId id, String name, @Nullable SegmentFilter filter, StaffId by, Instant at);

	/** Deletes the segment; emits whether it existed. */
	Mono<Boolean> delete(SegmentId id, StaffId by, Instant at);

	/** Emits the segment, or completes empty. */
	Mono<Segment> find(SegmentId id);

	/** Emits every segment by name. */
	Flux<Segment> all();

	/**
	 * Emits one page of the segments by name (then id): {@code size} of them after the
	 * first {@code page × size}.
	 */
	Flux<Segment> page(int page, int size);

	/** What a write did. */
	sealed interface SegmentWrite {

		record Written(Segment segment) implements SegmentWrite {
		}

		record NameTaken(String name) implements SegmentWrite {
		}

		record Missing(SegmentId id) implements SegmentWrite {
		}

	}

}
