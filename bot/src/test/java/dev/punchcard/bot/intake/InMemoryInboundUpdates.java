package dev.punchcard.bot.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.punchcard.core.chat.application.InboundUpdates;
import dev.punchcard.core.chat.application.ReceivedUpdate;
import dev.punchcard.core.chat.application.StoredUpdate;
import dev.punchcard.core.shared.domain.ChatChannel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link InboundUpdates} in memory, with the R2DBC adapter's claim and lease rules: rows
 * keyed by (channel, update id), as the table's primary key.
 */
public class InMemoryInboundUpdates implements InboundUpdates {

	private final Map<Key, Row> rows = new LinkedHashMap<>();

	private final Clock clock;

	private int renewals;

	private int writes;

	private volatile Duration storeDelay = Duration.ZERO;

	private final AtomicInteger failingStores = new AtomicInteger();

	public InMemoryInboundUpdates(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Mono<Set<String>> storeClaimed(ChatChannel channel, List<ReceivedUpdate> updates, Duration lease) {
		return Mono.fromSupplier(() -> {
			if (this.failingStores.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				throw new IllegalStateException("the database is down (test)");
			}
			synchronized (this.rows) {
				Set<String> stored = new HashSet<>();
				for (ReceivedUpdate update : updates) {
					Row row = new Row(channel, update.updateId(), update.chatKey(), update.payload(), now());
					if (this.rows.putIfAbsent(new Key(channel, update.updateId()), row) == null) {
						row.claim(now().plus(lease));
						stored.add(update.updateId());
					}
				}
				this.writes++;
				return stored;
			}
		}).delayElement(this.storeDelay);
	}

	/** Makes the next stores fail, as while the database is down. */
	public void failNextStores(int count) {
		this.failingStores.set(count);
	}

	/** Makes every store take this long (so that updates arriving meanwhile group up). */
	public void delayStores(Duration delay) {
		this.storeDelay = delay;
	}

	@Override
	public Mono<StoredUpdate> renew(ChatChannel channel, String updateId, int attempts, Duration lease) {
		return Mono.fromSupplier(() -> {
			synchronized (this.rows) {
				Row row = this.rows.get(new Key(channel, updateId));
				if (row == null || !"PROCESSING".equals(row.status) || row.attempts != attempts) {
					return null;
				}
				row.claimedUntil = now().plus(lease);
				this.renewals++;
				return new StoredUpdate(channel, updateId, row.chatKey, row.payload, attempts);
			}
		});
	}

	@Override
	public Flux<StoredUpdate> claimStale(ChatChannel channel, Duration olderThan, int limit, Duration lease) {
		return Flux.defer(() -> {
			synchronized (this.rows) {
				Instant before = now().minus(olderThan);
				List<StoredUpdate> claimed = this.rows.values()
					.stream()
					.filter((row) -> row.channel == channel && row.receivedAt.isBefore(before) && row.claimable(now()))
					.sorted(Comparator.comparing((Row row) -> row.receivedAt))
					.limit(limit)
					.map((row) -> row.claim(now().plus(lease)))
					.toList();
				return Flux.fromIterable(claimed);
			}
		});
	}

	@Override
	public Mono<Void> markDone(ChatChannel channel, Collection<String> updateIds) {
		return Mono.fromRunnable(() -> {
			synchronized (this.rows) {
				updateIds.forEach((updateId) -> this.rows.get(new Key(channel, updateId)).status = "DONE");
			}
		});
	}

	@Override
	public Mono<Long> purgeDone(ChatChannel channel, Duration age) {
		return Mono.fromSupplier(() -> {
			synchronized (this.rows) {
				Instant before = now().minus(age);
				long count = this.rows.size();
				this.rows.values()
					.removeIf((row) -> row.channel == channel && "DONE".equals(row.status)
							&& row.receivedAt.isBefore(before));
				return count - this.rows.size();
			}
		});
	}

	/** The status of an update (NEW, PROCESSING, DONE), or null when not stored. */
	public String status(ChatChannel channel, String updateId) {
		synchronized (this.rows) {
			Row row = this.rows.get(new Key(channel, updateId));
			return (row != null) ? row.status : null;
		}
	}

	/**
	 * As if another instance's sweeper claimed the update again after its lease ran out.
	 */
	public void claimedElsewhere(ChatChannel channel, String updateId) {
		synchronized (this.rows) {
			this.rows.get(new Key(channel, updateId)).claim(now().plusSeconds(60));
		}
	}

	/** How many times updates were stored. */
	public int storeWrites() {
		synchronized (this.rows) {
			return this.writes;
		}
	}

	/** How many claims were renewed. */
	public int renewals() {
		synchronized (this.rows) {
			return this.renewals;
		}
	}

	public int attempts(ChatChannel channel, String updateId) {
		synchronized (this.rows) {
			return this.rows.get(new Key(channel, updateId)).attempts;
		}
	}

	public int size() {
		synchronized (this.rows) {
			return this.rows.size();
		}
	}

	private Instant now() {
		return this.clock.instant();
	}

	private record Key(ChatChannel channel, String updateId) {
	}

	private static final class Row {

		final ChatChannel channel;

		final String updateId;

		final String chatKey;

		final String payload;

		final Instant receivedAt;

		String status = "NEW";

		int attempts;

		Instant claimedUntil = Instant.MIN;

		Row(ChatChannel channel, String updateId, String chatKey, String payload, Instant receivedAt) {
			this.channel = channel;
			this.updateId = updateId;
			this.chatKey = chatKey;
			this.payload = payload;
			this.receivedAt = receivedAt;
		}

		boolean claimable(Instant now) {
			return "NEW".equals(this.status) || ("PROCESSING".equals(this.status) && this.claimedUntil.isBefore(now));
		}

		StoredUpdate claim(Instant until) {
			this.status = "PROCESSING";
			this.attempts++;
			this.claimedUntil = until;
			return new StoredUpdate(this.channel, this.updateId, this.chatKey, this.payload, this.attempts);
		}

	}

}
