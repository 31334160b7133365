package dev.punchcard.core.leaderboard.infrastructure;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.punchcard.core.leaderboard.application.WeeklySpend;
import dev.punchcard.core.leaderboard.domain.ShortName;
import dev.punchcard.core.leaderboard.domain.Standing;
import dev.punchcard.core.leaderboard.domain.Week;
import dev.punchcard.core.shared.domain.CustomerId;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;

/**
 * {@link WeeklySpend} in one statement: each purchase of the week adds its amount at its
 * time, each refund of such a purchase made before the close takes its amount off at its
 * time; a window sum gives every member's running net spend, the first time it reaches
 * the final total breaks ties ({@link dev.punchcard.core.leaderboard.domain.Ranking}).
 */
class R2dbcWeeklySpend implements WeeklySpend {

	private static final String STANDINGS = """
			WITH events AS (
			  SELECT p.customer_id, p.recorded_at AS at, p.amount_minor AS delta, 0 AS kind, p.id AS event_id
			  FROM purchases p
			  WHERE p.recorded_at >= :start AND p.recorded_at < :end
			  UNION ALL
			  SELECT p.customer_id, r.refunded_at, -r.amount_minor, 1, r.id
			  FROM refunds r JOIN purchases p ON p.id = r.purchase_id
			  WHERE p.recorded_at >= :start AND p.recorded_at < :end AND r.refunded_at < :end),
			running AS (
			  SELECT customer_id, at,
			         sum(delta) OVER (PARTITION BY customer_id ORDER BY at, kind, event_id
			                          ROWS UNBOUNDED PRECEDING) AS so_far,
			         sum(delta) OVER (PARTITION BY customer_id) AS total
			  FROM events),
			totals AS (
			  SELECT customer_id, max(total)::bigint AS net_minor, min(at) FILTER (WHERE so_far >= total) AS reached_at
			  FROM running GROUP BY customer_id),
			ranked AS (
			  SELECT t.customer_id, c.name, t.net_minor, t.reached_at,
			         row_number() OVER (ORDER BY t.net_minor DESC, t.reached_at, t.customer_id) AS place
			  FROM totals t JOIN customers c ON c.id = t.customer_id
			  WHERE t.net_minor > 0 AND c.status = 'ACTIVE')
			SELECT customer_id, name, net_minor, reached_at, place FROM ranked
			WHERE place <= :places OR customer_id = CAST(:member AS uuid)
			   OR place = (SELECT place - 1 FROM ranked WHERE customer_id = CAST(:member AS uuid))
			ORDER BY place
			""";

	private final DatabaseClient db;

	R2dbcWeeklySpend(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Flux<Standing> standings(Week week, int places, @Nullable CustomerId member) {
		return this.db.sql(STANDINGS)
			.bind("start", week.start().atOffset(ZoneOffset.UTC))
			.bind("end", week.end().atOffset(ZoneOffset.UTC))
			.bind("places", places)
			.bind("member", Parameter.fromOrEmpty((member != null) ? member.value() : null, UUID.class))
			.map(R2dbcWeeklySpend::standing)
			.all();
	}

	static Standing standing(Readable row) {
		return new Standing(row.get("place", Number.class).intValue(),
				new CustomerId(row.get("customer_id", UUID.class)), ShortName.of(row.get("name", String.class)),
				row.get("net_minor", Long.class), row.get("reached_at", OffsetDateTime.class).toInstant());
	}

}
