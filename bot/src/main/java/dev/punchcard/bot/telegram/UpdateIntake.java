package dev.punchcard.bot.telegram;

import java.time.Duration;

import dev.punchcard.core.chat.application.InboundUpdates;
import dev.punchcard.core.chat.application.StoredUpdate;
import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Mono;

/**
 * Stores a received update (the step that must finish before Telegram is told it arrived)
 * and queues it for processing when it is new. It is stored already claimed for this
 * instance, which handles it next, so processing needs no claim of its own. A redelivered
 * update is stored once and queued once.
 */
class UpdateIntake {

	private final InboundUpdates updates;

	private final UpdateProcessor processor;

	private final Duration lease;

	UpdateIntake(InboundUpdates updates, UpdateProcessor processor, Duration lease) {
		this.updates = updates;
		this.processor = processor;
		this.lease = lease;
	}

	/**
	 * Emits true when the update was new, false for a duplicate; errors when it was not
	 * stored.
	 */
	Mono<Boolean> accept(UpdateEnvelope envelope, String json) {
		return this.updates
			.storeClaimed(ChatChannel.TELEGRAM, envelope.updateId(), envelope.chatKey(), json, this.lease)
			.map(this::queue)
			.defaultIfEmpty(false);
	}

	private boolean queue(StoredUpdate claimed) {
		this.processor.submit(claimed);
		return true;
	}

}
