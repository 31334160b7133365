package dev.punchcard.bot.telegram;

import dev.punchcard.bot.intake.DurableIntake;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives the updates of one {@code getUpdates} answer on the poller's thread and stores
 * each before returning: the one place the edge blocks, each try bounded by
 * {@code storeTimeout}.
 * <p>
 * TelegramBots has already taken the batch's highest update id as its next offset when it
 * calls this, and sends that offset (which tells Telegram to forget the batch) with the
 * next {@code getUpdates} after this method returns. So an update is never given up:
 * while it cannot be stored (the database is down), this method waits and tries again,
 * with back-off, for as long as it takes, and polling waits with it. If the application
 * stops meanwhile, the poller's thread is interrupted and no further {@code getUpdates}
 * is sent: the offset is never confirmed, and Telegram delivers the rest of the batch
 * again after the restart.
 */
class TelegramPollingConsumer implements LongPollingUpdateConsumer {

	private static final Logger log = LoggerFactory.getLogger(TelegramPollingConsumer.class);

	static final Duration FIRST_WAIT = Duration.ofMillis(200);

	static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

	private final DurableIntake intake;

	private final Duration storeTimeout;

	private final Pause pause;

	TelegramPollingConsumer(DurableIntake intake, Duration storeTimeout) {
		this(intake, storeTimeout, Pause.SLEEP);
	}

	TelegramPollingConsumer(DurableIntake intake, Duration storeTimeout, Pause pause) {
		this.intake = intake;
		this.storeTimeout = storeTimeout;
		this.pause = pause;
	}

	@Override
	public void consume(List<Update> updates) {
		for (Update update : updates) {
			if (!store(update)) {
				return;
			}
		}
	}

	/** Stores the update; false only when interrupted (the application is stopping). */
	private boolean store(Update update) {
		String json = TelegramJson.string(update);
		Optional<UpdateEnvelope> envelope = UpdateEnvelope.read(json);
		if (envelope.isEmpty()) {
			log.warn("Telegram update without an update id skipped");
			return true;
		}
		String id = envelope.get().updateId();
		Duration wait = FIRST_WAIT;
		for (int attempt = 1;; attempt++) {
			try {
				this.intake.accept(envelope.get().received(json)).block(this.storeTimeout);
				if (attempt > 1) {
					log.info("Telegram update {} stored at attempt {}; polling goes on", id, attempt);
				}
				return true;
			}
			catch (RuntimeException ex) {
				// never escapes: that would end the poller's scheduled task for good
				log.warn("Telegram update {} not stored (attempt {}: {}); polling waits and tries again in {} ms", id,
						attempt, ex.toString(), wait.toMillis());
			}
			if (!this.pause.pause(wait)) {
				log.warn("Stopping while Telegram update {} is not stored: its offset was not confirmed, so Telegram "
						+ "delivers it again when polling starts next", id);
				return false;
			}
			wait = min(wait.multipliedBy(2), LONGEST_WAIT);
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/** Waiting between tries. */
	@FunctionalInterface
	interface Pause {

		/** Sleeps the poller's thread; false when it was interrupted. */
		Pause SLEEP = (duration) -> {
			try {
				Thread.sleep(duration);
				return true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		};

		/**
		 * Waits.
		 * @param duration how long
		 * @return false when waiting was interrupted
		 */
		boolean pause(Duration duration);

	}

}
