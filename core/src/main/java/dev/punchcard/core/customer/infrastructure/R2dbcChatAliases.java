package dev.punchcard.core.customer.infrastructure;

import dev.punchcard.core.customer.application.ChatAliases;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Aliases in {@code channel_identities.alias_id}: one statement finds the account and,
 * the first time, records the alias.
 */
class R2dbcChatAliases implements ChatAliases {

	private static final String KNOWN_ID = """
			WITH found AS (
			    SELECT id, external_id, alias_id FROM channel_identities
			    WHERE channel = :channel AND (external_id IN (:id, :alias) OR alias_id IN (:id, :alias))
			    ORDER BY (external_id = :id) DESC, created_at
			    LIMIT 1
			), aliased AS (
			    UPDATE channel_identities i SET alias_id = :alias
			    FROM found f
			    WHERE i.id = f.id AND f.alias_id IS NULL AND f.external_id = :id AND :id <> :alias
			      AND NOT EXISTS (SELECT 1 FROM channel_identities o
			                      WHERE o.channel = :channel AND (o.alias_id = :alias OR o.external_id = :alias))
			)
			SELECT external_id FROM found
			""";

	private final DatabaseClient db;

	R2dbcChatAliases(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<String> knownId(ChatChannel channel, String id, String alias) {
		return this.db.sql(KNOWN_ID)
			.bind("channel", channel.name())
			.bind("id", id)
			.bind("alias", alias)
			.map((row) -> row.get("external_id", String.class))
			.one();
	}

}
