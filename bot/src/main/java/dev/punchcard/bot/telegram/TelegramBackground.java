package dev.punchcard.bot.telegram;

import dev.punchcard.bot.intake.DurableIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;

import org.springframework.context.SmartLifecycle;

/**
 * The one place the Telegram edge subscribes by itself (STYLE §6.5's documented edge):
 * the durable intake (lanes and sweeps) and the start-up calls run from application start
 * to shutdown. Started before the web server and the poller, stopped after them.
 */
class TelegramBackground implements SmartLifecycle {

	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

	private static final Logger log = LoggerFactory.getLogger(TelegramBackground.class);

	private final DurableIntake intake;

	private final TelegramStartup startup;

	private volatile Disposable.Composite running = Disposables.composite();

	TelegramBackground(DurableIntake intake, TelegramStartup startup) {
		this.intake = intake;
		this.startup = startup;
	}

	@Override
	public void start() {
		this.running = Disposables.composite(this.intake.run().subscribe(null, TelegramBackground::stopped),
				this.startup.run().subscribe(null, TelegramBackground::stopped));
	}

	@Override
	public void stop() {
		this.running.dispose();
	}

	@Override
	public boolean isRunning() {
		return this.running.size() > 0 && !this.running.isDisposed();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private static void stopped(Throwable error) {
		// the chains handle their errors; reaching this is a bug
		log.error("A Telegram background loop stopped", error);
	}

}
