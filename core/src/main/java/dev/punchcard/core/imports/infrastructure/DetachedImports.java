package dev.punchcard.core.imports.infrastructure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.punchcard.core.imports.application.BackgroundImports;
import dev.punchcard.core.imports.domain.ImportId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;

/**
 * Runs imports detached from the request that started them, on the bounded elastic
 * scheduler (reading the file blocks); disposes the running ones when the instance stops,
 * before the connection pools close (their imports are then marked INTERRUPTED by the
 * watch).
 */
class DetachedImports implements BackgroundImports, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DetachedImports.class);

	private final Map<ImportId, Disposable> running = new ConcurrentHashMap<>();

	private volatile boolean started;

	@Override
	public Mono<Void> launch(ImportId id, Mono<?> work) {
		return Mono.fromRunnable(() -> this.running.put(id,
				work.subscribeOn(Schedulers.boundedElastic())
					.doFinally((signal) -> this.running.remove(id))
					.subscribe((state) -> log.info("import {} ended {}", id, state),
							(error) -> log.error("import {} could not record its end", id, error))));
	}

	@Override
	public void start() {
		this.started = true;
	}

	@Override
	public void stop() {
		this.running.values().forEach(Disposable::dispose);
		this.running.clear();
		this.started = false;
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100;
	}

}
