package dev.punchcard.core.chat.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.punchcard.core.chat.application.InboundUpdates;
import dev.punchcard.core.chat.application.ReceivedUpdate;
import dev.punchcard.core.chat.application.StoredUpdate;
import dev.punchcard.core.shared.domain.ChatChannel;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class R2dbcInboundUpdates implements InboundUpdates {

	private static final String RETURNING = " RETURNING channel, update_id, chat_key, payload, attempts";

	private final DatabaseClient db;

	private final Clock clock;

	R2dbcInboundUpdates(DatabaseClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	@Override
	public Mono<Set<String>> storeClaimed(ChatChannel channel, List<ReceivedUpdate> updates, Duration lease) {
		if (updates.isEmpty()) {
			return Mono.just(Set.of());
		}
		// one statement for any number of updates; a repeated id is inserted once
		return this.db.sql("""
				INSERT INTO inbound_updates (channel, update_id, chat_key, payload, received_at, status, attempts,
				                             claimed_until)
				SELECT :channel, u.update_id, u.chat_key, u.payload, :now, 'PROCESSING', 1, :until
				FROM unnest(CAST(:updateIds AS text[]), CAST(:chatKeys AS text[]), CAST(:payloads AS text[]))
				     AS u(update_id, chat_key, payload)
				ON CONFLICT ON CONSTRAINT inbound_updates_pkey DO NOTHING
				RETURNING update_id
				""")
			.bind("channel", channel.name())
			.bind("updateIds", updates.stream().map(ReceivedUpdate::updateId).toArray(String[]::new))
			.bind("chatKeys", updates.stream().map(ReceivedUpdate::chatKey).toArray(String[]::new))
			.bind("payloads", updates.stream().map(ReceivedUpdate::payload).toArray(String[]::new))
			.bind("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.bind("until", this.clock.instant().plus(lease).atOffset(ZoneOffset.UTC))
			.map((row) -> row.get("update_id", String.class))
			.all()
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public Mono<StoredUpdate> renew(ChatChannel channel, String updateId, int attempts, Duration lease) {
		return this.db.sql("""
				UPDATE inbound_updates SET claimed_until = :until
				WHERE channel = :channel AND update_id = :updateId AND status = 'PROCESSING' AND attempts = :attempts
				""" + RETURNING)
			.bind("channel", channel.name())
			.bind("updateId", updateId)
			.bind("attempts", attempts)
			.bind("until", this.clock.instant().plus(lease).atOffset(ZoneOffset.UTC))
			.map(R2dbcInboundUpdates::update)
			.one();
	}

	@Override
	public Flux<StoredUpdate> claimStale(ChatChannel channel, Duration olderThan, int limit, Duration lease) {
		return this.db.sql("""
				WITH claimed AS (
				    UPDATE inbound_updates SET status = 'PROCESSING', attempts = attempts + 1, claimed_until = :until
				    WHERE (channel, update_id) IN (
				        SELECT channel, update_id FROM inbound_updates
				        WHERE channel = :channel AND status <> 'DONE' AND received_at < :before
				          AND (status = 'NEW' OR claimed_until < :now)
				        ORDER BY received_at
				        LIMIT :limit
				        FOR UPDATE SKIP LOCKED)
				    RETURNING channel, update_id, chat_key, payload, attempts, received_at)
				SELECT channel, update_id, chat_key, payload, attempts FROM claimed ORDER BY received_at
				""")
			.bind("channel", channel.name())
			.bind("before", this.clock.instant().minus(olderThan).atOffset(ZoneOffset.UTC))
			.bind("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.bind("until", this.clock.instant().plus(lease).atOffset(ZoneOffset.UTC))
			.bind("limit", limit)
			.map(R2dbcInboundUpdates::update)
			.all();
	}

	@Override
	public Mono<Void> markDone(ChatChannel channel, Collection<String> updateIds) {
		if (updateIds.isEmpty()) {
			return Mono.empty();
		}
		return this.db.sql("""
				UPDATE inbound_updates SET status = 'DONE', done_at = :now, claimed_until = NULL
				WHERE channel = :channel AND update_id = ANY(:updateIds)
				""")
			.bind("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.bind("channel", channel.name())
			.bind("updateIds", updateIds.toArray(String[]::new))
			.then();
	}

	@Override
	public Mono<Long> purgeDone(ChatChannel channel, Duration age) {
		return this.db
			.sql("DELETE FROM inbound_updates WHERE channel = :channel AND status = 'DONE' AND received_at < :before")
			.bind("channel", channel.name())
			.bind("before", this.clock.instant().minus(age).atOffset(ZoneOffset.UTC))
			.fetch()
			.rowsUpdated();
	}

	private static StoredUpdate update(Readable row) {
		return new StoredUpdate(ChatChannel.valueOf(row.get("channel", String.class)),
				row.get("update_id", String.class), row.get("chat_key", String.class), row.get("payload", String.class),
				row.get("attempts", Integer.class));
	}

}
