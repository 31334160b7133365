package dev.punchcard.bot.telegram;

import dev.punchcard.core.chat.application.InboundUpdates;
import dev.punchcard.core.chat.application.StoredUpdate;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Handles stored updates after they were acknowledged, one at a time per chat in the
 * order they were queued. Each update is claimed with a lease first, so it is handled by
 * one worker only, and marked done afterwards. A failed update stays claimed until its
 * lease runs out; then the sweeper offers it again, until it has failed
 * {@code maxAttempts} times and is given up.
 */
class UpdateProcessor {

	private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);

	private final InboundUpdates updates;

	private final UpdateHandler handler;

	private final TelegramProperties.Intake settings;

	private final Lanes<Work> lanes;

	UpdateProcessor(InboundUpdates updates, UpdateHandler handler, TelegramProperties.Intake settings) {
		this.updates = updates;
		this.handler = handler;
		this.settings = settings;
		this.lanes = new Lanes<>(settings.lanes());
	}

	/** Queues a freshly stored update; it is claimed when its turn comes. */
	void submit(UpdateEnvelope update) {
		this.lanes.offer(update.chatKey(), new Work(update.updateId(), null));
	}

	/** Queues an update the sweeper already claimed. */
	Mono<Void> resubmit(StoredUpdate claimed) {
		return Mono.fromRunnable(() -> this.lanes.offer(claimed.chatKey(), new Work(claimed.updateId(), claimed)));
	}

	/**
	 * The processing loop; never errors. Subscribed once, by {@link TelegramBackground}.
	 */
	Flux<Void> run() {
		return this.lanes.run(this::process);
	}

	private Mono<Void> process(Work work) {
		return claim(work).flatMap(this::handleOnce)
			.onErrorResume((error) -> logged(work, error))
			.checkpoint("telegram-update");
	}

	private Mono<StoredUpdate> claim(Work work) {
		if (work.claimed() != null) {
			return Mono.just(work.claimed());
		}
		return this.updates.claim(ChatChannel.TELEGRAM, work.updateId(), this.settings.lease());
	}

	private Mono<Void> handleOnce(StoredUpdate update) {
		return this.handler.handle(update)
			.timeout(this.settings.processingTimeout())
			.then(this.updates.markDone(ChatChannel.TELEGRAM, update.updateId()))
			.onErrorResume((error) -> failed(update, error));
	}

	private Mono<Void> failed(StoredUpdate update, Throwable error) {
		if (update.attempts() >= this.settings.maxAttempts()) {
			log.error("Giving up Telegram update {} after {} attempts", update.updateId(), update.attempts(), error);
			return this.updates.markDone(ChatChannel.TELEGRAM, update.updateId());
		}
		log.warn("Telegram update {} failed (attempt {}), will be retried: {}", update.updateId(), update.attempts(),
				error.toString());
		return Mono.empty();
	}

	private static Mono<Void> logged(Work work, Throwable error) {
		log.error("Telegram update {} could not be processed; the sweeper will retry it", work.updateId(), error);
		return Mono.empty();
	}

	/**
	 * An update to process.
	 *
	 * @param updateId its update id
	 * @param claimed the update when already claimed (by the sweeper), else null
	 */
	record Work(String updateId, @Nullable StoredUpdate claimed) {
	}

}
