package dev.punchcard.core.customer.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.punchcard.core.customer.application.ChatAddress;
import dev.punchcard.core.customer.application.ChatIdentities;
import dev.punchcard.core.customer.application.ChatMember;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class R2dbcChatIdentities implements ChatIdentities {

	private final DatabaseClient db;

	R2dbcChatIdentities(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Customer> findCustomer(ChatChannel channel, String externalId) {
		return findMember(channel, externalId).map(ChatMember::customer);
	}

	@Override
	public Mono<ChatMember> findMember(ChatChannel channel, String externalId) {
		return this.db.sql("SELECT " + CustomerRows.COLUMNS + """
				, i.reachable, i.last_seen_at,
				  (SELECT max(o.last_seen_at) FROM channel_identities o
				   WHERE o.customer_id = c.id AND o.id <> i.id) AS other_seen_at
				FROM customers c JOIN channel_identities i ON i.customer_id = c.id
				WHERE i.channel = :channel AND i.external_id = :externalId
				""")
			.bind("channel", channel.name())
			.bind("externalId", externalId)
			.map((row) -> new ChatMember(CustomerRows.customer(row),
					Boolean.TRUE.equals(row.get("reachable", Boolean.class)), instant(row.get("last_seen_at")),
					instant(row.get("other_seen_at"))))
			.one();
	}

	@Override
	public Mono<Boolean> link(CustomerId customerId, ChatChannel channel, String externalId, String chatId,
			Instant at) {
		return this.db.sql("""
				INSERT INTO channel_identities (id, customer_id, channel, external_id, chat_id, last_seen_at)
				VALUES (:id, :customerId, :channel, :externalId, :chatId, :at)
				ON CONFLICT ON CONSTRAINT channel_identities_channel_external_id_key DO NOTHING
				""")
			.bind("id", UUID.randomUUID())
			.bind("customerId", customerId.value())
			.bind("channel", channel.name())
			.bind("externalId", externalId)
			.bind("chatId", chatId)
			.bind("at", at.atOffset(ZoneOffset.UTC))
			.fetch()
			.rowsUpdated()
			.map((inserted) -> inserted == 1L);
	}

	@Override
	public Mono<Void> setReachable(ChatChannel channel, String externalId, boolean reachable, Instant at) {
		return this.db.sql("""
				UPDATE channel_identities
				SET reachable = :reachable,
				    unreachable_since = CASE WHEN :reachable THEN NULL ELSE COALESCE(unreachable_since, :at) END,
				    last_seen_at = CASE WHEN :reachable THEN :at ELSE last_seen_at END
				WHERE channel = :channel AND external_id = :externalId
				  -- a write on every message would cost WAL for nothing: only a change, or an outdated last-seen
				  AND (reachable <> :reachable OR last_seen_at IS NULL OR last_seen_at < :seenBefore)
				""")
			.bind("seenBefore", at.minus(ChatMember.LAST_SEEN_RESOLUTION).atOffset(ZoneOffset.UTC))
			.bind("reachable", reachable)
			.bind("at", at.atOffset(ZoneOffset.UTC))
			.bind("channel", channel.name())
			.bind("externalId", externalId)
			.then();
	}

	@Override
	public Flux<ChatAddress> addressesOf(CustomerId customerId) {
		return this.db.sql("""
				SELECT i.channel, i.external_id, i.chat_id, i.reachable, c.language
				FROM channel_identities i JOIN customers c ON c.id = i.customer_id
				WHERE i.customer_id = :customerId
				ORDER BY i.channel = c.preferred_channel DESC NULLS LAST, i.last_seen_at DESC NULLS LAST, i.created_at
				""")
			.bind("customerId", customerId.value())
			.map((row) -> new ChatAddress(customerId, ChatChannel.valueOf(row.get("channel", String.class)),
					row.get("external_id", String.class), row.get("chat_id", String.class),
					row.get("language", String.class), Boolean.TRUE.equals(row.get("reachable", Boolean.class))))
			.all();
	}

	private static @Nullable Instant instant(@Nullable Object value) {
		return (value instanceof OffsetDateTime at) ? at.toInstant() : null;
	}

}
