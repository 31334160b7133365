package dev.punchcard.bot.broadcast;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The broadcast senders of this instance, one per channel it can send on, started and
 * stopped together (before the web server and the connection pools).
 */
class BroadcastSenders implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BroadcastSenders.class);

	private final List<BroadcastSender> senders;

	private final String why;

	private volatile boolean running;

	/**
	 * @param senders the senders, none when broadcasts cannot be sent
	 * @param why what this instance does, for the start-up log
	 */
	BroadcastSenders(List<BroadcastSender> senders, String why) {
		this.senders = List.copyOf(senders);
		this.why = why;
	}

	@Override
	public void start() {
		log.info("Broadcasts: {}", this.why);
		this.senders.forEach(BroadcastSender::start);
		this.running = true;
	}

	@Override
	public void stop() {
		this.senders.forEach(BroadcastSender::stop);
		this.running = false;
	}

	@Override
	public void stop(Runnable callback) {
		this.running = false;
		if (this.senders.isEmpty()) {
			callback.run();
			return;
		}
		AtomicInteger left = new AtomicInteger(this.senders.size());
		this.senders.forEach((sender) -> sender.stop(() -> {
			if (left.decrementAndGet() == 0) {
				callback.run();
			}
		}));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100;
	}

	int size() {
		return this.senders.size();
	}

}
