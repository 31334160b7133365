package dev.punchcard.bot.telegram;

import dev.punchcard.core.chat.application.InboundUpdates;
import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Mono;

/**
 * Stores a received update (the step that must finish before Telegram is told it arrived)
 * and queues it for processing when it is new. A redelivered update is stored once and
 * queued once.
 */
class UpdateIntake {

	private final InboundUpdates updates;

	private final UpdateProcessor processor;

	UpdateIntake(InboundUpdates updates, UpdateProcessor processor) {
		this.updates = updates;
		this.processor = processor;
	}

	/**
	 * Emits true when the update was new, false for a duplicate; errors when it was not
	 * stored.
	 */
	Mono<Boolean> accept(UpdateEnvelope envelope, String json) {
		return this.updates.storeIfNew(ChatChannel.TELEGRAM, envelope.updateId(), envelope.chatKey(), json)
			.flatMap((isNew) -> isNew ? queue(envelope) : Mono.just(false));
	}

	private Mono<Boolean> queue(UpdateEnvelope envelope) {
		return Mono.fromRunnable(() -> this.processor.submit(envelope)).thenReturn(true);
	}

}
