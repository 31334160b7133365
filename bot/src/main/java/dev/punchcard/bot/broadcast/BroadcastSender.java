package dev.punchcard.bot.broadcast;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.punchcard.core.broadcast.application.BroadcastWork;
import dev.punchcard.core.broadcast.application.ClaimedRecipient;
import dev.punchcard.core.broadcast.application.SendResult;
import dev.punchcard.core.campaign.application.MemberFields;
import dev.punchcard.core.campaign.application.TemplateCatalog;
import dev.punchcard.core.shared.background.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Drains one channel's broadcast recipients on this instance: claims a batch, sends to
 * its recipients {@code concurrency} at a time and settles each one's result; claims the
 * next batch at once while batches come back full, else looks again after
 * {@code idle-poll}. One recipient's failure is that recipient's result (a retry with
 * back-off, at last FAILED), never the loop's; a batch that cannot be read is left to its
 * lease. Stopping claims nothing more and waits up to {@code stop-grace} for the batch in
 * flight to settle. This is a documented place in {@code bot} that subscribes by itself
 * ({@link PeriodicWork}).
 */
class BroadcastSender extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(BroadcastSender.class);

	private final BroadcastWork work;

	private final BroadcastChannel channel;

	private final Sources sources;

	private final BroadcastBackoff backoff;

	private final BroadcastSendingProperties settings;

	private volatile boolean stopping;

	private final AtomicReference<Mono<Void>> inFlight = new AtomicReference<>(Mono.empty());

	/** What the recipients' messages are made of. */
	record Sources(TemplateCatalog templates, MemberFields members, BroadcastRendering rendering) {
	}

	BroadcastSender(BroadcastWork work, BroadcastChannel channel, Sources sources, BroadcastBackoff backoff,
			BroadcastSendingProperties settings) {
		super(settings.idlePoll(), settings.idlePoll());
		this.work = work;
		this.channel = channel;
		this.sources = sources;
		this.backoff = backoff;
		this.settings = settings;
	}

	@Override
	public void start() {
		this.stopping = false;
		super.start();
	}

	@Override
	public void stop() {
		this.stopping = true;
		super.stop();
	}

	/**
	 * Claims nothing more, then stops when the batch in flight settled or the grace
	 * ended.
	 */
	@Override
	public void stop(Runnable callback) {
		this.stopping = true;
		this.inFlight.get().timeout(this.settings.stopGrace(), Mono.empty()).doFinally((signal) -> {
			super.stop();
			callback.run();
		}).subscribe();
	}

	@Override
	protected Mono<Void> tick() {
		Sinks.Empty<Void> done = Sinks.empty();
		this.inFlight.set(done.asMono());
		return drain().doFinally((signal) -> done.tryEmitEmpty());
	}

	/** Batch after batch while they come back full. Visible for tests. */
	Mono<Void> drain() {
		return drainOnce().expand((claimed) -> (claimed >= this.settings.batchSize()) ? drainOnce() : Mono.empty())
			.then();
	}

	/** Claims and sends one batch; emits how many were claimed. Visible for tests. */
	Mono<Integer> drainOnce() {
		if (this.stopping || !this.channel.ready()) {
			return Mono.just(0);
		}
		return this.work.claim(this.channel.channel(), this.settings.batchSize(), this.settings.lease())
			.collectList()
			.flatMap((claimed) -> sendAll(claimed).thenReturn(claimed.size()))
			.onErrorResume((error) -> {
				log.warn("{} broadcast batch failed; its claims come back after their lease: {}",
						this.channel.channel(), error.toString());
				return Mono.just(0);
			});
	}

	private Mono<Void> sendAll(List<ClaimedRecipient> claimed) {
		if (claimed.isEmpty()) {
			return Mono.empty();
		}
		return BroadcastBatch.load(claimed, this.sources.templates(), this.sources.members())
			.flatMapMany((batch) -> Flux.fromIterable(claimed)
				.flatMap((recipient) -> sendOne(batch, recipient), this.settings.concurrency()))
			.then();
	}

	private Mono<Void> sendOne(BroadcastBatch batch, ClaimedRecipient recipient) {
		return Mono.defer(() -> result(batch, recipient))
			.timeout(this.settings.lease().dividedBy(2))
			.onErrorResume((error) -> Mono.just(this.backoff.after(recipient, error)))
			.flatMap((result) -> settle(recipient, result))
			.onErrorResume((error) -> {
				log.warn("broadcast recipient {} not settled; it comes back after its lease: {}",
						recipient.recipientId(), error.toString());
				return Mono.empty();
			});
	}

	private Mono<SendResult> result(BroadcastBatch batch, ClaimedRecipient recipient) {
		return this.sources.rendering().prepare(recipient, batch).flatMap((prepared) -> switch (prepared) {
			case BroadcastRendering.Prepared.Ready ready -> this.channel.send(recipient, ready.rendered());
			case BroadcastRendering.Prepared.Settled settled -> Mono.just(settled.result());
		});
	}

	private Mono<Void> settle(ClaimedRecipient recipient, SendResult result) {
		if (result instanceof SendResult.RetryAt) {
			log.debug("broadcast {} recipient {} (attempt {}): {}", recipient.broadcastId(), recipient.recipientId(),
					recipient.attempt(), result);
		}
		else if (!(result instanceof SendResult.Sent)) {
			log.info("broadcast {} recipient {} (attempt {}): {}", recipient.broadcastId(), recipient.recipientId(),
					recipient.attempt(), result);
		}
		return this.work.settle(recipient, result).doOnNext((settled) -> {
			if (!settled) {
				log.info("broadcast recipient {} was no longer ours to settle", recipient.recipientId());
			}
		}).then();
	}

}
