package dev.punchcard.core.broadcast.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a broadcast is: written ({@link #DRAFT}), waiting for its time
 * ({@link #SCHEDULED}), sending ({@link #RUNNING}), held ({@link #PAUSED}), or over
 * ({@link #CANCELLED}, {@link #COMPLETED}).
 */
public enum BroadcastState {

	DRAFT, SCHEDULED, RUNNING, PAUSED, CANCELLED, COMPLETED;

	/** What a marketer may do to a broadcast, and from which states. */
	public enum Action {

		/** Now, or at the broadcast's scheduled time. */
		START(EnumSet.of(DRAFT)),
		/** Hold the sending. */
		PAUSE(EnumSet.of(RUNNING)),
		/** Go on sending. */
		RESUME(EnumSet.of(PAUSED)),
		/** Stop for good: the recipients still queued are not sent the broadcast. */
		CANCEL(EnumSet.of(DRAFT, SCHEDULED, RUNNING, PAUSED));

		private final Set<BroadcastState> from;

		Action(Set<BroadcastState> from) {
			this.from = from;
		}

		/** The states the action can start from. */
		public Set<BroadcastState> from() {
			return EnumSet.copyOf(this.from);
		}

		public boolean allowedIn(BroadcastState state) {
			return this.from.contains(state);
		}

	}

}
