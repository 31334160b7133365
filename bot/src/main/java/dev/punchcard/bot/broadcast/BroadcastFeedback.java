package dev.punchcard.bot.broadcast;

import java.time.Instant;

import dev.punchcard.core.broadcast.application.BroadcastTracking;
import dev.punchcard.core.broadcast.application.BroadcastTracking.Delivery;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * What the edges report about broadcast messages after they went: statuses and button
 * replies, handed to the core's {@link BroadcastTracking}; answers false for everything
 * while the application has none.
 */
public final class BroadcastFeedback {

	/**
	 * The callback data or quick-reply payload of a template's "Stop promotions" button.
	 */
	public static final String STOP_PROMOTIONS = "STOP_PROMOTIONS";

	/**
	 * The mark a broadcast's message carries for the platform to echo in its statuses
	 * (WhatsApp's {@code biz_opaque_callback_data}), so that a status that comes before
	 * the send is settled is known to be a broadcast's and kept.
	 */
	public static final String BROADCAST_MARK = "punchcard:broadcast";

	private static final Logger log = LoggerFactory.getLogger(BroadcastFeedback.class);

	private final @Nullable BroadcastTracking tracking;

	public BroadcastFeedback(@Nullable BroadcastTracking tracking) {
		this.tracking = tracking;
	}

	/**
	 * Records a later status of a message; emits whether it was a broadcast's. Errors for
	 * infrastructure failures, so the stored update is handled again.
	 */
	public Mono<Boolean> status(ChatChannel channel, String messageId, Delivery state, Instant at,
			@Nullable String code, @Nullable String reason) {
		if (this.tracking == null || messageId.isEmpty()) {
			return Mono.just(false);
		}
		return this.tracking.recordStatus(channel, messageId, state, at, code, reason).defaultIfEmpty(false);
	}

	/**
	 * Records a later status of a message that carried {@link #BROADCAST_MARK}: a
	 * broadcast's, even when its send is not settled yet (then the status is kept for the
	 * settle). Emits true while the application tracks broadcasts; errors as
	 * {@link #status}.
	 */
	public Mono<Boolean> markedStatus(ChatChannel channel, String messageId, Delivery state, Instant at,
			@Nullable String code, @Nullable String reason) {
		if (this.tracking == null || messageId.isEmpty()) {
			return Mono.just(false);
		}
		return this.tracking.recordBroadcastStatus(channel, messageId, state, at, code, reason).defaultIfEmpty(false);
	}

	/**
	 * Counts a button reply to a message; emits whether it was a broadcast's. Never
	 * errors: a count that could not be recorded is logged, and the member is answered
	 * anyway.
	 */
	public Mono<Boolean> button(ChatChannel channel, String messageId, String button) {
		if (this.tracking == null || messageId.isEmpty()) {
			return Mono.just(false);
		}
		return this.tracking.recordButton(channel, messageId, button).defaultIfEmpty(false).onErrorResume((error) -> {
			log.warn("{} button reply to {} not counted: {}", channel, messageId, error.toString());
			return Mono.just(false);
		});
	}

}
