package dev.punchcard.core.consent.infrastructure;

import java.time.ZoneOffset;

import dev.punchcard.core.consent.application.ConsentChange;
import dev.punchcard.core.consent.application.MarketingConsents;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@link MarketingConsents} in {@code marketing_consents}: one row per account that ever
 * changed its consent. Resuming an account that never opted out writes nothing.
 */
class R2dbcMarketingConsents implements MarketingConsents {

	private final DatabaseClient db;

	R2dbcMarketingConsents(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Boolean> record(ConsentChange change) {
		if (!change.optedOut()) {
			return this.db.sql("""
					UPDATE marketing_consents SET opted_out = false, source = :source, changed_at = :at
					WHERE channel = :channel AND external_id = :externalId AND opted_out AND changed_at <= :at
					""")
				.bind("source", change.source())
				.bind("at", change.at().atOffset(ZoneOffset.UTC))
				.bind("channel", change.channel().name())
				.bind("externalId", change.externalId())
				.fetch()
				.rowsUpdated()
				.map((rows) -> rows > 0);
		}
		return this.db.sql("""
				INSERT INTO marketing_consents AS m (channel, external_id, opted_out, source, changed_at)
				VALUES (:channel, :externalId, true, :source, :at)
				ON CONFLICT ON CONSTRAINT marketing_consents_pkey DO UPDATE
				SET opted_out = true, source = EXCLUDED.source, changed_at = EXCLUDED.changed_at
				WHERE NOT m.opted_out AND m.changed_at <= EXCLUDED.changed_at
				""")
			.bind("channel", change.channel().name())
			.bind("externalId", change.externalId())
			.bind("source", change.source())
			.bind("at", change.at().atOffset(ZoneOffset.UTC))
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	@Override
	public Mono<Boolean> optedOut(ChatChannel channel, String externalId) {
		return this.db
			.sql("SELECT opted_out FROM marketing_consents WHERE channel = :channel AND external_id = :externalId")
			.bind("channel", channel.name())
			.bind("externalId", externalId)
			.map((row) -> Boolean.TRUE.equals(row.get("opted_out", Boolean.class)))
			.one()
			.defaultIfEmpty(false);
	}

}
