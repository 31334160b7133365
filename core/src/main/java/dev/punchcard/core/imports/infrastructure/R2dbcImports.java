package dev.punchcard.core.imports.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.punchcard.core.imports.application.ImportProgress;
import dev.punchcard.core.imports.application.ImportView;
import dev.punchcard.core.imports.application.Imports;
import dev.punchcard.core.imports.domain.ImportId;
import dev.punchcard.core.imports.domain.ImportKind;
import dev.punchcard.core.imports.domain.ImportState;
import dev.punchcard.core.imports.domain.Rejection;
import dev.punchcard.core.shared.domain.StaffId;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The imports tables. A chunk's counts and its rejections go in one statement that also
 * checks the import is still RUNNING, so an import marked INTERRUPTED takes no more rows.
 */
class R2dbcImports implements Imports {

	private static final String COLUMNS = """
			id, kind, state, historical, file_bytes, bytes_read, rows_read, accepted, unchanged, rejected, failure,
			started_at, heartbeat_at, finished_at
			""";

	private static final String CREATE = "INSERT INTO imports (id, kind, state, historical, file_bytes, started_at, "
			+ "heartbeat_at, created_by) VALUES (:id, :kind, 'RUNNING', :historical, :fileBytes, :now, :now, :createdBy) "
			+ "RETURNING " + COLUMNS;

	private static final String ADVANCE = """
			WITH advanced AS (
			    UPDATE imports SET bytes_read = GREATEST(bytes_read, :bytesRead), rows_read = rows_read + :rows,
			                       accepted = accepted + :accepted, unchanged = unchanged + :unchanged,
			                       rejected = rejected + :rejected, heartbeat_at = :now
			    WHERE id = :id AND state = 'RUNNING'
			    RETURNING id
			), rejections AS (
			    INSERT INTO import_rejections (import_id, line_no, reason)
			    SELECT advanced.id, t.line_no, t.reason
			    FROM advanced, unnest(:lineNos::bigint[], :reasons::text[]) AS t(line_no, reason)
			    ON CONFLICT ON CONSTRAINT import_rejections_pkey DO NOTHING
			)
			SELECT count(*) AS advanced FROM advanced
			""";

	private static final String FINISH = """
			UPDATE imports SET state = :state, failure = :failure, finished_at = :now, heartbeat_at = :now,
			                   bytes_read = CASE WHEN :state = 'COMPLETED' THEN file_bytes ELSE bytes_read END
			WHERE id = :id AND state = 'RUNNING'
			""";

	private static final String INTERRUPT = """
			UPDATE imports SET state = 'INTERRUPTED', finished_at = :now,
			                   failure = 'the instance running it stopped reporting progress'
			WHERE state = 'RUNNING' AND heartbeat_at < :before
			""";

	private static final int REJECTION_PAGE = 1000;

	private final DatabaseClient db;

	R2dbcImports(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<ImportView> create(ImportId id, ImportKind kind, boolean historical, long fileBytes,
			@Nullable StaffId createdBy, Instant now) {
		return this.db.sql(CREATE)
			.bind("id", id.value())
			.bind("kind", kind.name())
			.bind("historical", historical)
			.bind("fileBytes", fileBytes)
			.bind("now", now.atOffset(ZoneOffset.UTC))
			.bind("createdBy", Parameter.fromOrEmpty((createdBy == null) ? null : createdBy.value(), UUID.class))
			.map(R2dbcImports::view)
			.one();
	}

	@Override
	public Mono<Boolean> advance(ImportId id, ImportProgress progress, List<Rejection> rejections, Instant now) {
		return this.db.sql(ADVANCE)
			.bind("id", id.value())
			.bind("bytesRead", progress.bytesRead())
			.bind("rows", progress.rowsRead())
			.bind("accepted", progress.accepted())
			.bind("unchanged", progress.unchanged())
			.bind("rejected", progress.rejected())
			.bind("now", now.atOffset(ZoneOffset.UTC))
			.bind("lineNos", rejections.stream().map(Rejection::lineNo).toArray(Long[]::new))
			.bind("reasons", rejections.stream().map(Rejection::reason).toArray(String[]::new))
			.map((row) -> row.get("advanced", Long.class))
			.one()
			.map((advanced) -> advanced == 1L);
	}

	@Override
	public Mono<Boolean> finish(ImportId id, ImportState state, @Nullable String failure, Instant now) {
		return this.db.sql(FINISH)
			.bind("id", id.value())
			.bind("state", state.name())
			.bind("failure", Parameter.fromOrEmpty(failure, String.class))
			.bind("now", now.atOffset(ZoneOffset.UTC))
			.fetch()
			.rowsUpdated()
			.map((updated) -> updated == 1L);
	}

	@Override
	public Mono<Long> interruptStale(Instant heartbeatBefore, Instant now) {
		return this.db.sql(INTERRUPT)
			.bind("before", heartbeatBefore.atOffset(ZoneOffset.UTC))
			.bind("now", now.atOffset(ZoneOffset.UTC))
			.fetch()
			.rowsUpdated();
	}

	@Override
	public Mono<ImportView> find(ImportId id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM imports WHERE id = :id")
			.bind("id", id.value())
			.map(R2dbcImports::view)
			.one();
	}

	@Override
	public Flux<ImportView> list(int page, int size) {
		return this.db
			.sql("SELECT " + COLUMNS + " FROM imports ORDER BY started_at DESC, id LIMIT :size OFFSET :offset")
			.bind("size", size)
			.bind("offset", (long) page * size)
			.map(R2dbcImports::view)
			.all();
	}

	@Override
	public Flux<Rejection> rejections(ImportId id, long afterLine, int limit) {
		return this.db
			.sql("SELECT line_no, reason FROM import_rejections WHERE import_id = :id AND line_no > :after "
					+ "ORDER BY line_no LIMIT :limit")
			.bind("id", id.value())
			.bind("after", afterLine)
			.bind("limit", limit)
			.map((row) -> new Rejection(row.get("line_no", Long.class), row.get("reason", String.class)))
			.all();
	}

	@Override
	public Flux<Rejection> allRejections(ImportId id) {
		return pageAfter(id, 0);
	}

	private Flux<Rejection> pageAfter(ImportId id, long afterLine) {
		return rejections(id, afterLine, REJECTION_PAGE).collectList()
			.flatMapMany((page) -> (page.size() < REJECTION_PAGE) ? Flux.fromIterable(page) : Flux.fromIterable(page)
				.concatWith(Flux.defer(() -> pageAfter(id, page.get(page.size() - 1).lineNo()))));
	}

	private static ImportView view(Readable row) {
		OffsetDateTime finished = row.get("finished_at", OffsetDateTime.class);
		return new ImportView(new ImportId(row.get("id", UUID.class)),
				ImportKind.valueOf(row.get("kind", String.class)), ImportState.valueOf(row.get("state", String.class)),
				Boolean.TRUE.equals(row.get("historical", Boolean.class)), row.get("file_bytes", Long.class),
				row.get("bytes_read", Long.class), row.get("rows_read", Long.class), row.get("accepted", Long.class),
				row.get("unchanged", Long.class), row.get("rejected", Long.class), row.get("failure", String.class),
				row.get("started_at", OffsetDateTime.class).toInstant(),
				row.get("heartbeat_at", OffsetDateTime.class).toInstant(),
				(finished == null) ? null : finished.toInstant());
	}

}
