package dev.punchcard.core.broadcast.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.BroadcastState;
import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Broadcasts in memory with {@code R2dbcBroadcasts}' guarantees for the use cases: every
 * move conditional on the state and audited, none for a refused one. Recipients are not
 * kept (materialisation is SQL, proved by the IT); a start records the filter it was
 * given. Work happens on subscription.
 */
public class InMemoryBroadcasts implements Broadcasts {

	private final Map<BroadcastId, Broadcast> broadcasts = new LinkedHashMap<>();

	private final List<String> audit = new ArrayList<>();

	private final List<SegmentFilter> started = new ArrayList<>();

	@Override
	public Mono<Broadcast> insert(Broadcast broadcast) {
		return Mono.fromSupplier(() -> {
			synchronized (this) {
				this.broadcasts.put(broadcast.id(), broadcast);
				this.audit.add("broadcast.created " + broadcast.id() + " by " + broadcast.createdBy());
				return broadcast;
			}
		});
	}

	@Override
	public Mono<Broadcast> find(BroadcastId id) {
		return Mono.defer(() -> Mono.justOrEmpty(get(id)));
	}

	@Override
	public Flux<Broadcast> page(int offset, int limit) {
		return Flux.defer(() -> Flux.fromIterable(all().stream()
			.sorted(Comparator.comparing(Broadcast::createdAt).reversed())
			.skip(offset)
			.limit(limit)
			.toList()));
	}

	@Override
	public Mono<Move> move(BroadcastId id, BroadcastState.Action action, @Nullable String reason, @Nullable StaffId by,
			Instant at) {
		BroadcastState to = switch (action) {
			case START -> throw new IllegalArgumentException("start(...) starts a broadcast");
			case PAUSE -> BroadcastState.PAUSED;
			case RESUME -> BroadcastState.RUNNING;
			case CANCEL -> BroadcastState.CANCELLED;
		};
		return Mono.fromSupplier(() -> moveNow(id, action.from(), to, reason, by, at,
				"broadcast." + to.name().toLowerCase(java.util.Locale.ROOT)));
	}

	@Override
	public Mono<Move> schedule(BroadcastId id, StaffId by, Instant at) {
		return Mono.fromSupplier(() -> moveNow(id, java.util.Set.of(BroadcastState.DRAFT), BroadcastState.SCHEDULED,
				null, by, at, "broadcast.scheduled"));
	}

	@Override
	public Mono<Move> start(BroadcastId id, SegmentFilter audience, @Nullable StaffId by, Instant at) {
		return Mono.fromSupplier(() -> {
			synchronized (this) {
				Broadcast broadcast = this.broadcasts.get(id);
				if (broadcast == null) {
					return new Move(null, false);
				}
				boolean due = (by != null) ? broadcast.state() == BroadcastState.DRAFT
						: broadcast.state() == BroadcastState.SCHEDULED && !broadcast.scheduledAt().isAfter(at);
				if (!due) {
					return new Move(broadcast.state(), false);
				}
				put(broadcast, BroadcastState.RUNNING, null, by, at, at);
				this.started.add(audience);
				this.audit.add("broadcast.started " + id + " by " + by);
				return new Move(broadcast.state(), true);
			}
		});
	}

	@Override
	public Flux<Broadcast> due(Instant at) {
		return Flux.defer(() -> Flux.fromIterable(all().stream()
			.filter((broadcast) -> broadcast.state() == BroadcastState.SCHEDULED
					&& !broadcast.scheduledAt().isAfter(at))
			.toList()));
	}

	@Override
	public Mono<Long> pauseUnsendable(Instant at) {
		return Mono.fromSupplier(() -> 0L);
	}

	@Override
	public Mono<Long> completeFinished(Instant at) {
		return Mono.fromSupplier(() -> 0L);
	}

	public synchronized List<String> audit() {
		return List.copyOf(this.audit);
	}

	public synchronized List<SegmentFilter> started() {
		return List.copyOf(this.started);
	}

	/** Puts the broadcast in the state, as a test's starting point. */
	public synchronized Broadcast force(BroadcastId id, BroadcastState state) {
		Broadcast broadcast = this.broadcasts.get(id);
		return put(broadcast, state, (state == BroadcastState.PAUSED) ? "paused" : null, broadcast.createdBy(),
				broadcast.updatedAt(), broadcast.startedAt());
	}

	private synchronized Move moveNow(BroadcastId id, java.util.Set<BroadcastState> from, BroadcastState to,
			@Nullable String reason, @Nullable StaffId by, Instant at, String action) {
		Broadcast broadcast = this.broadcasts.get(id);
		if (broadcast == null) {
			return new Move(null, false);
		}
		if (!from.contains(broadcast.state())) {
			return new Move(broadcast.state(), false);
		}
		put(broadcast, to, reason, by, at, broadcast.startedAt());
		this.audit.add(action + " " + id + " by " + by);
		return new Move(broadcast.state(), true);
	}

	private Broadcast put(Broadcast b, BroadcastState state, @Nullable String reason, @Nullable StaffId by, Instant at,
			@Nullable Instant startedAt) {
		Broadcast changed = new Broadcast(b.id(), b.name(), b.segment(), b.policy(), b.whatsApp(), b.telegram(),
				b.scheduledAt(), b.timeZone(), b.quietHours(), state, reason, b.createdBy(), b.createdAt(), by, at,
				startedAt, b.completedAt());
		this.broadcasts.put(b.id(), changed);
		return changed;
	}

	private synchronized @Nullable Broadcast get(BroadcastId id) {
		return this.broadcasts.get(id);
	}

	private synchronized List<Broadcast> all() {
		return List.copyOf(this.broadcasts.values());
	}

}
