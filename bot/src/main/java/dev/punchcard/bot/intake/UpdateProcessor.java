package dev.punchcard.bot.intake;

import java.time.Duration;
import java.util.Collections;

import dev.punchcard.core.chat.application.InboundUpdates;
import dev.punchcard.core.chat.application.StoredUpdate;
import dev.punchcard.core.shared.batching.GroupCommit;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Handles stored updates after they were acknowledged, one at a time per chat in the
 * order they were queued. Every queued update is already claimed with a lease (by intake,
 * which stores it claimed, or by the sweeper), so it is handled by one worker only; an
 * update that waited in its lane so long that the rest of its lease might not cover its
 * processing has the claim renewed first, and is skipped when the claim was lost
 * meanwhile. Handled updates are marked done in groups. A failed update stays claimed
 * until its lease runs out; then the sweeper offers it again, until it has failed
 * {@code maxAttempts} times and is given up.
 */
class UpdateProcessor {

	private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);

	private static final int MAX_DONE_MARKS_PER_WRITE = 200;

	private static final Duration DONE_MARKS_WRITE_TIMEOUT = Duration.ofSeconds(10);

	private final ChatChannel channel;

	private final InboundUpdates updates;

	private final StoredUpdateHandler handler;

	private final IntakeSettings settings;

	private final Lanes<Work> lanes;

	private final GroupCommit<String, Boolean> done;

	UpdateProcessor(ChatChannel channel, InboundUpdates updates, StoredUpdateHandler handler, IntakeSettings settings) {
		this.channel = channel;
		this.updates = updates;
		this.handler = handler;
		this.settings = settings;
		this.lanes = new Lanes<>(settings.lanes());
		this.done = new GroupCommit<>(
				(ids) -> updates.markDone(channel, ids).thenReturn(Collections.nCopies(ids.size(), true)),
				MAX_DONE_MARKS_PER_WRITE, DONE_MARKS_WRITE_TIMEOUT);
	}

	/** Queues an update claimed just now (by intake or by the sweeper). */
	void submit(StoredUpdate claimed) {
		this.lanes.offer(claimed.chatKey(), new Work(claimed, System.nanoTime()));
	}

	/** As {@link #submit(StoredUpdate)}, as a step of a chain. */
	Mono<Void> resubmit(StoredUpdate claimed) {
		return Mono.fromRunnable(() -> submit(claimed));
	}

	/** The processing loop; never errors. Subscribed once, by {@link DurableIntake}. */
	Flux<Void> run() {
		return this.lanes.run(this::process);
	}

	private Mono<Void> process(Work work) {
		return stillClaimed(work).flatMap(this::handleOnce).onErrorResume((error) -> logged(work, error));
	}

	/**
	 * The claim is used as it is while what is left of its lease covers the longest
	 * processing may take (the processing timeout); an update that waited longer in its
	 * lane has the claim renewed first, which fails when the lease ran out and the
	 * sweeper claimed the update again.
	 */
	private Mono<StoredUpdate> stillClaimed(Work work) {
		long waited = System.nanoTime() - work.claimedAtNanos();
		if (waited < this.settings.lease().minus(this.settings.processingTimeout()).toNanos()) {
			return Mono.just(work.claimed());
		}
		StoredUpdate claimed = work.claimed();
		return this.updates.renew(this.channel, claimed.updateId(), claimed.attempts(), this.settings.lease())
			.switchIfEmpty(Mono.fromRunnable(() -> log.info("{} update {} was claimed again while queued; skipped",
					this.channel, claimed.updateId())));
	}

	private Mono<Void> handleOnce(StoredUpdate update) {
		return this.handler.handle(update)
			.timeout(this.settings.processingTimeout())
			.then(this.done.submit(update.updateId()).then())
			.onErrorResume((error) -> failed(update, error));
	}

	private Mono<Void> failed(StoredUpdate update, Throwable error) {
		if (update.attempts() >= this.settings.maxAttempts()) {
			log.error("Giving up {} update {} after {} attempts", this.channel, update.updateId(), update.attempts(),
					error);
			return this.done.submit(update.updateId()).then();
		}
		log.warn("{} update {} failed (attempt {}), will be retried: {}", this.channel, update.updateId(),
				update.attempts(), error.toString());
		return Mono.empty();
	}

	private Mono<Void> logged(Work work, Throwable error) {
		log.error("{} update {} could not be processed; the sweeper will retry it", this.channel,
				work.claimed().updateId(), error);
		return Mono.empty();
	}

	/**
	 * An update to process.
	 *
	 * @param claimed the update, claimed
	 * @param claimedAtNanos when it was claimed, on {@link System#nanoTime()}
	 */
	record Work(StoredUpdate claimed, long claimedAtNanos) {
	}

}
