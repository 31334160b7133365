package dev.punchcard.core.analytics.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

import dev.punchcard.core.analytics.domain.AnalyticsQuery;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * What the readings share: the SQL text for a query (a store filter is written into the
 * text only when there is a store, so each variant gets its own plan), the common binds,
 * and reads that stay consistent with the rollup watermark.
 */
final class Statements {

	/** Before every row: the watermark to use when no rollup is read. */
	static final Instant EPOCH = Instant.EPOCH;

	private static final String MARK = "SELECT rolled_up_to FROM analytics_rollup_state WHERE id = 1";

	/** The column every watermarked statement adds: the watermark its snapshot saw. */
	static final String MARK_NOW = "(" + MARK + ") AS mark_now";

	private final DatabaseClient db;

	Statements(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The statement with each {@code {store:x}} replaced by
	 * {@code AND x.store_id = :store} (and {@code {home:x}} by
	 * {@code AND x.home_store_id = :store}) when the query has a store, by nothing
	 * otherwise; {@code :start}, {@code :end}, {@code :zone}, {@code :grain} and
	 * {@code :store} bound.
	 */
	GenericExecuteSpec sql(String text, AnalyticsQuery query) {
		boolean store = query.store() != null;
		String sql = text.replaceAll("\\{store:(\\w+)}", store ? "AND $1.store_id = :store" : "")
			.replaceAll("\\{home:(\\w+)}", store ? "AND $1.home_store_id = :store" : "");
		GenericExecuteSpec spec = this.db.sql(sql);
		spec = bindIfUsed(spec, sql, "start", RollupCut.utc(query.start()));
		spec = bindIfUsed(spec, sql, "end", RollupCut.utc(query.end()));
		spec = bindIfUsed(spec, sql, "zone", query.zone().getId());
		spec = bindIfUsed(spec, sql, "grain", query.grain().name().toLowerCase(java.util.Locale.ROOT));
		if (store) {
			spec = spec.bind("store", query.store().value());
		}
		return spec;
	}

	private static GenericExecuteSpec bindIfUsed(GenericExecuteSpec spec, String sql, String name, Object value) {
		return sql.contains(":" + name) ? spec.bind(name, value) : spec;
	}

	/**
	 * Rows read at the current watermark, consistent with the rollups: the statement
	 * (given the watermark) must return {@code mark_now} on every row; when the job moved
	 * the watermark between reading it and the statement, the read is repeated. Without
	 * rollups, the statement is given {@link #EPOCH} and read once.
	 */
	<T> Mono<List<T>> atMark(boolean rollups, Function<OffsetDateTime, Flux<Marked<T>>> statement) {
		if (!rollups) {
			return statement.apply(RollupCut.utc(EPOCH)).map(Marked::value).collectList();
		}
		return this.db.sql(MARK)
			.map((row) -> row.get(0, OffsetDateTime.class))
			.one()
			.flatMap((mark) -> statement.apply(mark).collectList().flatMap((rows) -> unmoved(mark, rows)))
			.retryWhen(Retry.max(5).filter(MarkMoved.class::isInstance));
	}

	private static <T> Mono<List<T>> unmoved(OffsetDateTime mark, List<Marked<T>> rows) {
		boolean moved = rows.stream().anyMatch((row) -> !row.mark().isEqual(mark));
		return moved ? Mono.error(new MarkMoved()) : Mono.just(rows.stream().map(Marked::value).toList());
	}

	/** A row with the watermark its statement saw. */
	record Marked<T>(T value, OffsetDateTime mark) {
	}

	private static final class MarkMoved extends RuntimeException {

		MarkMoved() {
			super("the rollup watermark moved during the read", null, false, false);
		}

	}

}
