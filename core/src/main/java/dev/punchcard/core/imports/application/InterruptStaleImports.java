package dev.punchcard.core.imports.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * Marks INTERRUPTED the RUNNING imports whose instance stopped reporting: their heartbeat
 * is older than the stale timeout (an instance reports after every chunk). One guarded
 * statement, so any number of instances may ask at once and each import is marked once.
 */
public class InterruptStaleImports {

	private final Imports imports;

	private final Duration staleAfter;

	private final Clock clock;

	public InterruptStaleImports(Imports imports, Duration staleAfter, Clock clock) {
		this.imports = imports;
		this.staleAfter = staleAfter;
		this.clock = clock;
	}

	/** Emits how many imports were marked INTERRUPTED. */
	public Mono<Long> sweep() {
		Instant now = this.clock.instant();
		return this.imports.interruptStale(now.minus(this.staleAfter), now);
	}

}
