package dev.punchcard.core.segment.infrastructure;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.punchcard.core.segment.application.Audience;
import dev.punchcard.core.segment.application.Audiences;
import dev.punchcard.core.segment.application.SampleMember;
import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/**
 * {@link Audiences} as one statement per question: the filter's WHERE clause over
 * {@code customers}, with a count, or with the count taken over every match and the
 * sample's chats read for the sample only.
 */
class R2dbcAudiences implements Audiences {

	private final DatabaseClient db;

	R2dbcAudiences(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Long> count(SegmentFilter filter, Instant now) {
		SegmentSql sql = SegmentSql.of(filter, now);
		return bound(this.db.sql("SELECT count(*) FROM customers c WHERE " + sql.where()), sql)
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	@Override
	public Mono<Audience> preview(SegmentFilter filter, Instant now, int sampleSize) {
		SegmentSql sql = SegmentSql.of(filter, now);
		String statement = """
				WITH matched AS (
				  SELECT c.id, c.name, c.tier, count(*) OVER () AS total
				  FROM customers c
				  WHERE %s
				  ORDER BY c.id
				  LIMIT :sampleSize)
				SELECT m.id, m.name, m.tier, m.total,
				       ARRAY(SELECT DISTINCT ci.channel FROM channel_identities ci
				             WHERE ci.customer_id = m.id AND ci.reachable ORDER BY ci.channel) AS channels
				FROM matched m
				ORDER BY m.id
				""".formatted(sql.where());
		return bound(this.db.sql(statement), sql).bind("sampleSize", sampleSize)
			.map((row) -> new Row(row.get("total", Long.class), member(row)))
			.all()
			.collectList()
			.map(R2dbcAudiences::audience);
	}

	private static GenericExecuteSpec bound(GenericExecuteSpec spec, SegmentSql sql) {
		GenericExecuteSpec bound = spec;
		for (var parameter : sql.parameters().entrySet()) {
			bound = bound.bind(parameter.getKey(), parameter.getValue());
		}
		return bound;
	}

	private static SampleMember member(Readable row) {
		String[] channels = row.get("channels", String[].class);
		return new SampleMember(new CustomerId(row.get("id", UUID.class)), row.get("name", String.class),
				row.get("tier", String.class), Arrays.stream(channels).map(ChatChannel::valueOf).toList());
	}

	private static Audience audience(List<Row> rows) {
		long total = rows.isEmpty() ? 0 : rows.get(0).total();
		return new Audience(total, rows.stream().map(Row::member).toList());
	}

	private record Row(long total, SampleMember member) {
	}

}
