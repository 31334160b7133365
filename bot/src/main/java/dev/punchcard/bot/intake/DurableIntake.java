package dev.punchcard.bot.intake;

import dev.punchcard.core.chat.application.InboundUpdates;
import dev.punchcard.core.chat.application.ReceivedUpdate;
import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One channel's durable intake: {@link #accept(ReceivedUpdate)} stores an update before
 * the edge acknowledges it, {@link #run()} handles what was stored. Every instance of the
 * service runs one per channel over the same {@link InboundUpdates}; the store's claims
 * and leases make sure each update is handled by one of them, once.
 */
public final class DurableIntake {

	private final ChatChannel channel;

	private final UpdateIntake intake;

	private final UpdateProcessor processor;

	private final StaleUpdateSweeper sweeper;

	/**
	 * @param channel the channel whose updates these are
	 * @param updates where updates are stored
	 * @param handler the channel's handling of one stored update
	 * @param settings the channel's intake settings, with its dedupe horizon
	 * @param scheduler runs the periodic sweeps
	 */
	public DurableIntake(ChatChannel channel, InboundUpdates updates, StoredUpdateHandler handler,
			IntakeSettings settings, Scheduler scheduler) {
		settings.requiredPurgeAfter();
		this.channel = channel;
		this.processor = new UpdateProcessor(channel, updates, handler, settings);
		this.intake = new UpdateIntake(channel, updates, this.processor, settings.lease(), settings.storeTimeout());
		this.sweeper = new StaleUpdateSweeper(channel, updates, this.processor, settings, scheduler);
	}

	/**
	 * Stores the update, claimed for this instance, and queues it when it is new. Emits
	 * true when it was new, false for a redelivery (stored before: not handled again);
	 * errors when it was not stored, in which case the edge must not acknowledge it.
	 */
	public Mono<Boolean> accept(ReceivedUpdate update) {
		return this.intake.accept(update);
	}

	/**
	 * The processing lanes and the periodic sweeps; never errors. Subscribe once, from
	 * the edge's background lifecycle, and dispose at shutdown.
	 */
	public Flux<Void> run() {
		return Flux.merge(this.processor.run(), this.sweeper.sweeps());
	}

	/**
	 * Reclaims and queues updates left unhandled (what the periodic sweep does); for
	 * tests and operations.
	 */
	public Mono<Void> reclaimStale() {
		return this.sweeper.reclaimStale();
	}

	/**
	 * Deletes this channel's done updates past its dedupe horizon (what the periodic
	 * purge does).
	 */
	public Mono<Void> purgeDone() {
		return this.sweeper.purgeDone();
	}

	public ChatChannel channel() {
		return this.channel;
	}

}
