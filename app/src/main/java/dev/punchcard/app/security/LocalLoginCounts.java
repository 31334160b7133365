package dev.punchcard.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Fixed-window login counts in this instance's memory: the fallback while Redis, where
 * every instance shares the counts, cannot be reached. Same limits and windows as the
 * shared counts, so one instance throttles as before; N instances let through at most N
 * times as many attempts for the length of the outage.
 */
final class LocalLoginCounts {

	/** Bounds the memory an outage under a spray of usernames and addresses may take. */
	static final int MAX_KEYS = 100_000;

	private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

	private final Clock clock;

	LocalLoginCounts(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Counts one attempt on the key; answers how long to wait when it is over the limit,
	 * or {@link Duration#ZERO} when allowed.
	 */
	Duration count(String key, int limit, Duration length) {
		Instant now = this.clock.instant();
		if (this.windows.size() >= MAX_KEYS) {
			this.windows.values().removeIf((window) -> !window.endsAt().isAfter(now));
		}
		Window window = this.windows.compute(key, (k, current) -> (current == null || !current.endsAt().isAfter(now))
				? new Window(now.plus(length), 1) : new Window(current.endsAt(), current.attempts() + 1));
		return window.attempts() <= limit ? Duration.ZERO : Duration.between(now, window.endsAt());
	}

	/** Forgets every count, once the shared counts in Redis are back. */
	void clear() {
		this.windows.clear();
	}

	private record Window(Instant endsAt, int attempts) {
	}

}
