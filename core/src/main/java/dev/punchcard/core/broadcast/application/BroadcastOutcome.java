package dev.punchcard.core.broadcast.application;

import java.util.List;

import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.BroadcastState;
import dev.punchcard.core.segment.application.FieldError;

/** Everything creating or moving a broadcast can answer besides a technical failure. */
public sealed interface BroadcastOutcome {

	/** The broadcast as it is now, after the change. */
	record Done(Broadcast broadcast) implements BroadcastOutcome {
	}

	/** Fields that are missing or wrong; nothing was written. */
	record Invalid(List<FieldError> errors) implements BroadcastOutcome {

		public Invalid {
			errors = errors.stream().sorted().toList();
		}

	}

	/** No broadcast has the id. */
	record Unknown(BroadcastId id) implements BroadcastOutcome {
	}

	/** The action cannot be taken in the broadcast's current state; nothing changed. */
	record NotAllowed(BroadcastId id, BroadcastState.Action action,
			BroadcastState current) implements BroadcastOutcome {
	}

	/** Its segment was deleted, so it has nobody to start sending to. */
	record SegmentGone(BroadcastId id) implements BroadcastOutcome {
	}

	/**
	 * A template it sends can no longer be sent (no longer approved, gone, deleted), so
	 * it cannot resume; nothing changed.
	 */
	record TemplateUnsendable(BroadcastId id, String reason) implements BroadcastOutcome {
	}

}
