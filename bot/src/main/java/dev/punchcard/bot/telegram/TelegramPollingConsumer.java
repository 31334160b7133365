package dev.punchcard.bot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;
import reactor.util.retry.Retry;

/**
 * Receives the updates of one {@code getUpdates} answer on the poller's thread and stores
 * each before returning. TelegramBots confirms a batch (the next {@code getUpdates}
 * offset) as soon as this method returns, so storing must finish here: the one place the
 * edge blocks, bounded by {@code storeTimeout}. While the database is slow, polling slows
 * with it rather than confirming updates that were not stored.
 */
class TelegramPollingConsumer implements LongPollingUpdateConsumer {

	private static final Logger log = LoggerFactory.getLogger(TelegramPollingConsumer.class);

	private final UpdateIntake intake;

	private final Duration storeTimeout;

	TelegramPollingConsumer(UpdateIntake intake, Duration storeTimeout) {
		this.intake = intake;
		this.storeTimeout = storeTimeout;
	}

	@Override
	public void consume(List<Update> updates) {
		updates.forEach(this::store);
	}

	private void store(Update update) {
		String json = TelegramJson.string(update);
		Optional<UpdateEnvelope> envelope = UpdateEnvelope.read(json);
		if (envelope.isEmpty()) {
			log.warn("Telegram update without an update id skipped");
			return;
		}
		try {
			this.intake.accept(envelope.get(), json)
				.retryWhen(Retry.backoff(3, Duration.ofMillis(200)))
				.block(this.storeTimeout);
		}
		catch (RuntimeException ex) {
			// an exception escaping consume() would end the poller's scheduled task for
			// good
			log.error("Telegram update {} could not be stored and is lost", envelope.get().updateId(), ex);
		}
	}

}
