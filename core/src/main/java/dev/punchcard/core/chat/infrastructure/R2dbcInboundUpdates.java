package dev.punchcard.core.chat.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import dev.punchcard.core.chat.application.InboundUpdates;
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
	public Mono<Boolean> storeIfNew(ChatChannel channel, String updateId, String chatKey, String payload) {
		return this.db.sql("""
				INSERT INTO inbound_updates (channel, update_id, chat_key, payload, received_at)
				VALUES (:channel, :updateId, :chatKey, :payload, :now)
				ON CONFLICT ON CONSTRAINT inbound_updates_pkey DO NOTHING
				""")
			.bind("channel", channel.name())
			.bind("updateId", updateId)
			.bind("chatKey", chatKey)
			.bind("payload", payload)
			.bind("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.fetch()
			.rowsUpdated()
			.map((inserted) -> inserted == 1L);
	}

	@Override
	public Mono<StoredUpdate> claim(ChatChannel channel, String updateId, Duration lease) {
		return this.db.sql("""
				UPDATE inbound_updates SET status = 'PROCESSING', attempts = attempts + 1, claimed_until = :until
				WHERE channel = :channel AND update_id = :updateId
				  AND (status = 'NEW' OR (status = 'PROCESSING' AND claimed_until < :now))
				""" + RETURNING)
			.bind("channel", channel.name())
			.bind("updateId", updateId)
			.bind("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.bind("until", this.clock.instant().plus(lease).atOffset(ZoneOffset.UTC))
			.map(R2dbcInboundUpdates::update)
			.one();
	}

	@Override
	public Flux<StoredUpdate> claimStale(ChatChannel channel, Duration olderThan, int limit, Duration lease) {
		return this.db.sql("""
				UPDATE inbound_updates SET status = 'PROCESSING', attempts = attempts + 1, claimed_until = :until
				WHERE (channel, update_id) IN (
				    SELECT channel, update_id FROM inbound_updates
				    WHERE channel = :channel AND status <> 'DONE' AND received_at < :before
				      AND (status = 'NEW' OR claimed_until < :now)
				    ORDER BY received_at
				    LIMIT :limit
				    FOR UPDATE SKIP LOCKED)
				""" + RETURNING)
			.bind("channel", channel.name())
			.bind("before", this.clock.instant().minus(olderThan).atOffset(ZoneOffset.UTC))
			.bind("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.bind("until", this.clock.instant().plus(lease).atOffset(ZoneOffset.UTC))
			.bind("limit", limit)
			.map(R2dbcInboundUpdates::update)
			.all();
	}

	@Override
	public Mono<Void> markDone(ChatChannel channel, String updateId) {
		return this.db.sql("""
				UPDATE inbound_updates SET status = 'DONE', done_at = :now, claimed_until = NULL
				WHERE channel = :channel AND update_id = :updateId
				""")
			.bind("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.bind("channel", channel.name())
			.bind("updateId", updateId)
			.then();
	}

	@Override
	public Mono<Long> purgeDone(Duration age) {
		return this.db.sql("DELETE FROM inbound_updates WHERE status = 'DONE' AND received_at < :before")
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
