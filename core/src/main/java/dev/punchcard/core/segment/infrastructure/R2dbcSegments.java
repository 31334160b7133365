package dev.punchcard.core.segment.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.segment.application.FilterDocument;
import dev.punchcard.core.segment.application.FilterDocument.Read;
import dev.punchcard.core.segment.application.Segment;
import dev.punchcard.core.segment.application.Segments;
import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.segment.domain.SegmentId;
import dev.punchcard.core.shared.domain.StaffId;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link Segments} in {@code segments}, each change and its {@code audit_log} row in one
 * statement, so neither is ever written without the other. The unique index on the
 * lower-cased name decides whether a name is taken.
 */
class R2dbcSegments implements Segments {

	private static final String COLUMNS = "id, name, filter, created_by, created_at, updated_by, updated_at";

	private static final String INSERT = """
			WITH saved AS (
			  INSERT INTO segments (id, name, filter, created_by, created_at, updated_by, updated_at)
			  VALUES (:id, :name, :filter, :by, :at, :by, :at)
			  ON CONFLICT DO NOTHING
			  RETURNING id, name, filter),
			audited AS (
			  INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, details)
			  SELECT :auditId, :at, :by, 'segment.created', 'segment', saved.id::text,
			         jsonb_build_object('name', saved.name, 'filter', saved.filter)
			  FROM saved)
			SELECT count(*) AS saved FROM saved
			""";

	private static final String UPDATE = """
			WITH target AS (
			  SELECT id, name, filter FROM segments WHERE id = :id FOR UPDATE),
			clash AS (
			  SELECT 1 FROM segments WHERE lower(name) = lower(:name) AND id <> :id),
			saved AS (
			  UPDATE segments s SET name = :name, filter = COALESCE(CAST(:filter AS jsonb), s.filter), updated_by = :by,
			         updated_at = :at
			  FROM target t
			  WHERE s.id = t.id AND NOT EXISTS (SELECT 1 FROM clash)
			  RETURNING s.id, s.name, s.filter, s.created_by, s.created_at, s.updated_by, s.updated_at,
			            t.name AS old_name, t.filter AS old_filter),
			audited AS (
			  INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, details)
			  SELECT :auditId, :at, :by, 'segment.updated', 'segment', saved.id::text,
			         jsonb_build_object('before', jsonb_build_object('name', old_name, 'filter', old_filter),
			                            'after', jsonb_build_object('name', saved.name, 'filter', saved.filter))
			  FROM saved)
			SELECT (SELECT count(*) FROM target) AS found, saved.*
			FROM (SELECT 1) one LEFT JOIN saved ON true
			""";

	private static final String DELETE = """
			WITH gone AS (
			  DELETE FROM segments WHERE id = :id RETURNING id, name, filter),
			audited AS (
			  INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, details)
			  SELECT :auditId, :at, :by, 'segment.deleted', 'segment', gone.id::text,
			         jsonb_build_object('name', gone.name, 'filter', gone.filter)
			  FROM gone)
			SELECT count(*) AS deleted FROM gone
			""";

	private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
	};

	private final DatabaseClient db;

	private final ObjectMapper json;

	private final FilterDocument documents;

	R2dbcSegments(DatabaseClient db, ObjectMapper json, FilterDocument documents) {
		this.db = db;
		this.json = json;
		this.documents = documents;
	}

	@Override
	public Mono<SegmentWrite> insert(Segment segment) {
		return this.db.sql(INSERT)
			.bind("id", segment.id().value())
			.bind("name", segment.name())
			.bind("filter", filterJson(segment.filter()))
			.bind("by", segment.createdBy().value())
			.bind("at", utc(segment.createdAt()))
			.bind("auditId", UUID.randomUUID())
			.map((row) -> row.get("saved", Long.class))
			.one()
			.map((saved) -> (saved == 1) ? new SegmentWrite.Written(segment)
					: new SegmentWrite.NameTaken(segment.name()));
	}

	@Override
	public Mono<SegmentWrite> update(SegmentId id, String name, @Nullable SegmentFilter filter, StaffId by,
			Instant at) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(UPDATE)
			.bind("id", id.value())
			.bind("name", name)
			.bind("by", by.value())
			.bind("at", utc(at))
			.bind("auditId", UUID.randomUUID());
		spec = (filter == null) ? spec.bindNull("filter", Json.class) : spec.bind("filter", filterJson(filter));
		return spec.map((row) -> written(id, name, row)).one();
	}

	@Override
	public Mono<Boolean> delete(SegmentId id, StaffId by, Instant at) {
		return this.db.sql(DELETE)
			.bind("id", id.value())
			.bind("by", by.value())
			.bind("at", utc(at))
			.bind("auditId", UUID.randomUUID())
			.map((row) -> row.get("deleted", Long.class) == 1)
			.one();
	}

	@Override
	public Mono<Segment> find(SegmentId id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM segments WHERE id = :id")
			.bind("id", id.value())
			.map(this::segment)
			.one();
	}

	@Override
	public Flux<Segment> all() {
		return this.db.sql("SELECT " + COLUMNS + " FROM segments ORDER BY lower(name), id").map(this::segment).all();
	}

	@Override
	public Flux<Segment> page(int page, int size) {
		return this.db.sql("SELECT " + COLUMNS + " FROM segments ORDER BY lower(name), id LIMIT :size OFFSET :offset")
			.bind("size", size)
			.bind("offset", (long) page * size)
			.map(this::segment)
			.all();
	}

	private SegmentWrite written(SegmentId id, String name, Readable row) {
		if (row.get("found", Long.class) == 0) {
			return new SegmentWrite.Missing(id);
		}
		if (row.get("id", UUID.class) == null) {
			return new SegmentWrite.NameTaken(name);
		}
		return new SegmentWrite.Written(segment(row));
	}

	private Segment segment(Readable row) {
		return new Segment(new SegmentId(row.get("id", UUID.class)), row.get("name", String.class),
				filter(row.get("filter", Json.class)), new StaffId(row.get("created_by", UUID.class)),
				row.get("created_at", OffsetDateTime.class).toInstant(), new StaffId(row.get("updated_by", UUID.class)),
				row.get("updated_at", OffsetDateTime.class).toInstant());
	}

	private Json filterJson(SegmentFilter filter) {
		try {
			return Json.of(this.json.writeValueAsString(FilterDocument.write(filter)));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a segment filter could not be written as JSON", ex);
		}
	}

	/**
	 * A stored filter read back, keeping tier and language names the configuration no
	 * longer has; one that does not read at all is a fault in the data.
	 */
	private SegmentFilter filter(Json stored) {
		try {
			Read read = this.documents.readStored(this.json.readValue(stored.asString(), DOCUMENT), "filter");
			return switch (read) {
				case Read.Valid valid -> valid.filter();
				case Read.Invalid invalid ->
					throw new IllegalStateException("a stored segment filter no longer reads: " + invalid.errors());
			};
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a stored segment filter is not JSON", ex);
		}
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

}
