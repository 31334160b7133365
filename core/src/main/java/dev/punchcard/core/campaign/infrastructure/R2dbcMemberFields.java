package dev.punchcard.core.campaign.infrastructure;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import dev.punchcard.core.campaign.application.MemberFieldValues;
import dev.punchcard.core.campaign.application.MemberFields;
import dev.punchcard.core.points.domain.Tier;
import dev.punchcard.core.points.domain.TierPolicy;
import dev.punchcard.core.shared.domain.CustomerId;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * {@link MemberFields} in one statement for any number of members: the customer, their
 * balance and home store, their net spend in the tier window (for the progress to the
 * next tier) and their newest chat on each channel.
 */
class R2dbcMemberFields implements MemberFields {

	private static final String FIELDS = """
			SELECT c.id, c.name, c.language, c.tier, c.referral_code, c.card_number, b.balance, s.name AS home_store,
			       (SELECT COALESCE(SUM(p.amount_minor - p.refunded_minor), 0)::bigint FROM purchases p
			        WHERE p.customer_id = c.id AND p.recorded_at > :since) AS net_spend,
			       (SELECT i.external_id FROM channel_identities i
			        WHERE i.customer_id = c.id AND i.channel = 'WHATSAPP'
			        ORDER BY i.created_at DESC, i.id LIMIT 1) AS whatsapp_id,
			       (SELECT i.chat_id FROM channel_identities i
			        WHERE i.customer_id = c.id AND i.channel = 'TELEGRAM'
			        ORDER BY i.created_at DESC, i.id LIMIT 1) AS telegram_chat_id
			FROM customers c
			JOIN points_balances b ON b.customer_id = c.id
			LEFT JOIN stores s ON s.id = c.home_store_id
			WHERE c.id = ANY(:ids)
			""";

	private final DatabaseClient db;

	private final TierPolicy tiers;

	private final Clock clock;

	R2dbcMemberFields(DatabaseClient db, TierPolicy tiers, Clock clock) {
		this.db = db;
		this.tiers = tiers;
		this.clock = clock;
	}

	@Override
	public Flux<MemberFieldValues> of(Collection<CustomerId> ids) {
		if (ids.isEmpty()) {
			return Flux.empty();
		}
		return this.db.sql(FIELDS)
			.bind("ids", ids.stream().map(CustomerId::value).toArray(UUID[]::new))
			.bind("since", this.clock.instant().minus(this.tiers.window()).atOffset(ZoneOffset.UTC))
			.map(this::fields)
			.all();
	}

	private MemberFieldValues fields(Readable row) {
		Tier tier = this.tiers.named(row.get("tier", String.class));
		Optional<Tier> next = this.tiers.above(tier);
		long netSpend = row.get("net_spend", Long.class);
		long toNext = next.map((up) -> Math.max(0, up.thresholdMinor() - netSpend)).orElse(0L);
		return new MemberFieldValues(new CustomerId(row.get("id", UUID.class)), row.get("name", String.class),
				row.get("language", String.class), tier.name(), row.get("balance", Long.class),
				next.map(Tier::name).orElse(null), toNext, row.get("home_store", String.class),
				row.get("referral_code", String.class), row.get("card_number", Long.class),
				row.get("whatsapp_id", String.class), row.get("telegram_chat_id", String.class));
	}

}
