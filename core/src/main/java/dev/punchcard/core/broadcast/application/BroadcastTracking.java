package dev.punchcard.core.broadcast.application;

import java.time.Instant;

import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What the platforms report later about broadcast messages (WhatsApp status webhooks,
 * button replies).
 */
public interface BroadcastTracking {

	/**
	 * The later states of a sent message, in the order of their rank (a late "delivered"
	 * never undoes "read"; "failed" is kept with its code).
	 */
	enum Delivery {

		DELIVERED, READ, FAILED

	}

	/**
	 * Records a status of the message with {@code messageId} on the channel, if it is a
	 * broadcast's; completes with false when no recipient has that message id. Idempotent
	 * and safe out of order.
	 */
	Mono<Boolean> recordStatus(ChatChannel channel, String messageId, Delivery state, Instant at, @Nullable String code,
			@Nullable String reason);

	/**
	 * Records a status of a message known to be a broadcast's (the platform echoed the
	 * broadcast's mark), as {@link #recordStatus}; when no recipient has the message id
	 * yet, because the status came before the send's answer was settled, keeps it (once
	 * per message and state) and applies it when the settle records the id. Statuses kept
	 * longer than the broadcasts' {@code early-status-ttl} are forgotten. Emits true.
	 */
	Mono<Boolean> recordBroadcastStatus(ChatChannel channel, String messageId, Delivery state, Instant at,
			@Nullable String code, @Nullable String reason);

	/**
	 * Counts a button reply to a broadcast message (the message replied to, and the
	 * button's payload or title) once per recipient and button; completes with false when
	 * the message is no broadcast's.
	 */
	Mono<Boolean> recordButton(ChatChannel channel, String messageId, String button);

}
