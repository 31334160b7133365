package dev.punchcard.core.customer.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.punchcard.core.customer.application.ChatLinkCode;
import dev.punchcard.core.customer.application.ChatLinkCodes;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Link codes in {@code chat_link_codes}: one statement uses a code, so two instances
 * never both do. Wrong tries in {@code chat_link_failures}; an account's old ones go when
 * it fails again.
 */
class R2dbcChatLinkCodes implements ChatLinkCodes {

	private final DatabaseClient db;

	R2dbcChatLinkCodes(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Void> insert(ChatLinkCode code) {
		return this.db.sql("""
				WITH earlier AS (
				    DELETE FROM chat_link_codes WHERE customer_id = :customerId
				)
				INSERT INTO chat_link_codes (code, customer_id, channel, expires_at)
				VALUES (:code, :customerId, :channel, :expiresAt)
				""")
			.bind("code", code.code())
			.bind("customerId", code.customerId().value())
			.bind("channel", code.channel().name())
			.bind("expiresAt", code.expiresAt().atOffset(ZoneOffset.UTC))
			.then();
	}

	@Override
	public Mono<CustomerId> use(String code, ChatChannel usedOn, Instant now) {
		return this.db.sql("""
				UPDATE chat_link_codes SET used_at = :now
				WHERE code = :code AND used_at IS NULL AND expires_at > :now AND channel <> :usedOn
				RETURNING customer_id
				""")
			.bind("now", now.atOffset(ZoneOffset.UTC))
			.bind("code", code)
			.bind("usedOn", usedOn.name())
			.map((row) -> new CustomerId(row.get("customer_id", UUID.class)))
			.one();
	}

	@Override
	public Mono<ChatLinkCode> findUsable(String code, Instant now) {
		return this.db.sql("""
				SELECT code, customer_id, channel, expires_at FROM chat_link_codes
				WHERE code = :code AND used_at IS NULL AND expires_at > :now
				""")
			.bind("code", code)
			.bind("now", now.atOffset(ZoneOffset.UTC))
			.map((row) -> new ChatLinkCode(row.get("code", String.class),
					new CustomerId(row.get("customer_id", UUID.class)),
					ChatChannel.valueOf(row.get("channel", String.class)),
					row.get("expires_at", OffsetDateTime.class).toInstant()))
			.one();
	}

	@Override
	public Mono<Long> failuresSince(ChatChannel channel, String externalId, Instant since) {
		return this.db.sql("""
				SELECT count(*) FROM chat_link_failures
				WHERE channel = :channel AND external_id = :externalId AND failed_at > :since
				""")
			.bind("channel", channel.name())
			.bind("externalId", externalId)
			.bind("since", since.atOffset(ZoneOffset.UTC))
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	@Override
	public Mono<Void> recordFailure(ChatChannel channel, String externalId, Instant at) {
		return this.db.sql("""
				WITH old AS (
				    DELETE FROM chat_link_failures
				    WHERE channel = :channel AND external_id = :externalId AND failed_at < :at - interval '1 day'
				)
				INSERT INTO chat_link_failures (channel, external_id, failed_at) VALUES (:channel, :externalId, :at)
				""")
			.bind("channel", channel.name())
			.bind("externalId", externalId)
			.bind("at", at.atOffset(ZoneOffset.UTC))
			.then();
	}

}
