package dev.punchcard.core.segment.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.segment.domain.SegmentId;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Segments in memory with {@code R2dbcSegments}' guarantees: names unique ignoring case,
 * and an audit entry with every change (none for a refused one). Work happens on
 * subscription.
 */
public class InMemorySegments implements Segments {

	private final Map<SegmentId, Segment> segments = new LinkedHashMap<>();

	private final List<String> audit = new ArrayList<>();

	@Override
	public Mono<SegmentWrite> insert(Segment segment) {
		return Mono.fromSupplier(() -> insertNow(segment));
	}

	@Override
	public Mono<SegmentWrite> update(SegmentId id, String name, @Nullable SegmentFilter filter, StaffId by,
			Instant at) {
		return Mono.fromSupplier(() -> updateNow(id, name, filter, by, at));
	}

	@Override
	public Mono<Boolean> delete(SegmentId id, StaffId by, Instant at) {
		return Mono.fromSupplier(() -> deleteNow(id, by));
	}

	@Override
	public Mono<Segment> find(SegmentId id) {
		return Mono.fromSupplier(() -> this.segments.get(id));
	}

	@Override
	public Flux<Segment> all() {
		return Flux.defer(() -> Flux.fromIterable(this.segments.values()
			.stream()
			.sorted(Comparator.comparing((Segment s) -> s.name().toLowerCase(Locale.ROOT)))
			.toList()));
	}

	@Override
	public Flux<Segment> page(int page, int size) {
		return all().skip((long) page * size).take(size);
	}

	/** The audit entries written, as {@code action by id}. */
	public synchronized List<String> audit() {
		return List.copyOf(this.audit);
	}

	private synchronized SegmentWrite insertNow(Segment segment) {
		if (taken(segment.name(), null)) {
			return new SegmentWrite.NameTaken(segment.name());
		}
		this.segments.put(segment.id(), segment);
		this.audit.add("segment.created by " + segment.createdBy() + " " + segment.id());
		return new SegmentWrite.Written(segment);
	}

	private synchronized SegmentWrite updateNow(SegmentId id, String name, @Nullable SegmentFilter filter, StaffId by,
			Instant at) {
		Segment old = this.segments.get(id);
		if (old == null) {
			return new SegmentWrite.Missing(id);
		}
		if (taken(name, id)) {
			return new SegmentWrite.NameTaken(name);
		}
		Segment changed = new Segment(id, name, (filter == null) ? old.filter() : filter, old.createdBy(),
				old.createdAt(), by, at);
		this.segments.put(id, changed);
		this.audit.add("segment.updated by " + by + " " + id);
		return new SegmentWrite.Written(changed);
	}

	private synchronized boolean deleteNow(SegmentId id, StaffId by) {
		boolean existed = this.segments.remove(id) != null;
		if (existed) {
			this.audit.add("segment.deleted by " + by + " " + id);
		}
		return existed;
	}

	private boolean taken(String name, @Nullable SegmentId except) {
		return this.segments.values()
			.stream()
			.anyMatch((s) -> s.name().equalsIgnoreCase(name) && !s.id().equals(except));
	}

}
