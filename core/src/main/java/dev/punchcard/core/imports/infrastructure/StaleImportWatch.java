package dev.punchcard.core.imports.infrastructure;

import java.time.Duration;

import dev.punchcard.core.imports.application.InterruptStaleImports;
import dev.punchcard.core.shared.background.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Every {@code every}, marks the imports left RUNNING by a stopped instance INTERRUPTED
 * (also this instance's own, after a restart). A {@link PeriodicWork}.
 */
class StaleImportWatch extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(StaleImportWatch.class);

	private final InterruptStaleImports interrupt;

	StaleImportWatch(InterruptStaleImports interrupt, Duration every) {
		super(Duration.ofSeconds(1), every);
		this.interrupt = interrupt;
	}

	@Override
	protected Mono<Long> tick() {
		return this.interrupt.sweep().onErrorResume((error) -> {
			log.warn("looking for stale imports failed; trying again in {}", every(), error);
			return Mono.empty();
		});
	}

}
