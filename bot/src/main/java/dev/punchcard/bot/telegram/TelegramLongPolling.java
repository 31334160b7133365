package dev.punchcard.bot.telegram;

import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import org.springframework.context.SmartLifecycle;

/**
 * Long polling with TelegramBots against {@code apiUrl}: one poller thread asks
 * {@code getUpdates} (50 s long polls, our allowed update types) and hands each batch to
 * {@link TelegramPollingConsumer}. Registering deletes any webhook of the token, so never
 * poll with a token whose webhook is in use elsewhere. Only one instance may poll a
 * token.
 */
class TelegramLongPolling implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TelegramLongPolling.class);

	private final TelegramProperties properties;

	private final TelegramPollingConsumer consumer;

	private @Nullable TelegramBotsLongPollingApplication application;

	private @Nullable ScheduledExecutorService poller;

	TelegramLongPolling(TelegramProperties properties, TelegramPollingConsumer consumer) {
		this.properties = properties;
		this.consumer = consumer;
	}

	@Override
	public synchronized void start() {
		ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread poller = new Thread(task, "telegram-polling");
			poller.setDaemon(true);
			return poller;
		});
		TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication(ObjectMapper::new,
				new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(), () -> thread);
		this.application = polling;
		this.poller = thread;
		try {
			polling.registerBot(this.properties.requiredToken(), () -> url(this.properties.apiUrl()),
					new DefaultGetUpdatesGenerator(TelegramStartup.ALLOWED_UPDATES), this.consumer);
			log.info("Telegram long polling started against {}", this.properties.apiUrl());
		}
		catch (TelegramApiException ex) {
			// the rest of the service still works; restart once Telegram is reachable
			log.error("Telegram long polling could not start: {}", ex.getMessage());
		}
	}

	@Override
	public synchronized void stop() {
		try {
			if (this.application != null) {
				this.application.close();
			}
		}
		catch (Exception ex) {
			log.warn("Stopping Telegram long polling: {}", ex.getMessage());
		}
		if (this.poller != null) {
			this.poller.shutdownNow();
		}
		this.application = null;
		this.poller = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.application != null;
	}

	@Override
	public int getPhase() {
		// after the processing lanes are up, stopped before them
		return TelegramBackground.PHASE + 1;
	}

	static TelegramUrl url(URI apiUrl) {
		boolean https = "https".equalsIgnoreCase(apiUrl.getScheme());
		int port = (apiUrl.getPort() != -1) ? apiUrl.getPort() : (https ? 443 : 80);
		return new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port, false);
	}

}
