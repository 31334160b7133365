package dev.punchcard.core.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Fixed clocks for use-case tests: time never moves unless a test asks for another
 * instant.
 */
public final class TestClock {

	/** The instant every use-case test runs at unless it says otherwise. */
	public static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private TestClock() {
	}

	/** A clock stopped at {@link #NOW}. */
	public static Clock fixed() {
		return at(NOW);
	}

	/** A clock stopped at the instant. */
	public static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

	/** A clock stopped this long after {@link #NOW}. */
	public static Clock later(Duration by) {
		return at(NOW.plus(by));
	}

}
