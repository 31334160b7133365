package dev.punchcard.webhooks.whatsapp;

import dev.punchcard.bot.intake.DurableIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;

import org.springframework.context.SmartLifecycle;

/**
 * The one place the WhatsApp edge subscribes by itself (STYLE §6.5's documented edge):
 * the durable intake's lanes and sweeps run from application start to shutdown, started
 * before the web server takes webhooks and stopped after it.
 */
class WhatsAppBackground implements SmartLifecycle {

	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

	private static final Logger log = LoggerFactory.getLogger(WhatsAppBackground.class);

	private final DurableIntake intake;

	private volatile Disposable running = Disposables.disposed();

	WhatsAppBackground(DurableIntake intake) {
		this.intake = intake;
	}

	@Override
	public void start() {
		this.running = this.intake.run().subscribe(null, (error) -> log.error("The WhatsApp intake stopped", error));
	}

	@Override
	public void stop() {
		this.running.dispose();
	}

	@Override
	public boolean isRunning() {
		return !this.running.isDisposed();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
