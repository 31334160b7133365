package dev.punchcard.core.campaign.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.campaign.application.TelegramTemplates;
import dev.punchcard.core.campaign.domain.TelegramTemplate;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateImage;
import dev.punchcard.core.shared.domain.StaffId;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link TelegramTemplates} in {@code telegram_templates}, each change and its
 * {@code audit_log} row in one statement, so neither is ever written without the other.
 * The unique index on the lower-cased name decides whether a name is taken.
 */
class R2dbcTelegramTemplates implements TelegramTemplates {

	private static final String COLUMNS = "id, name, texts, image, buttons, created_by, created_at, updated_by, "
			+ "updated_at";

	private static final String DOCUMENT = "jsonb_build_object('name', %1$s.name, 'texts', %1$s.texts, "
			+ "'image', %1$s.image, 'buttons', %1$s.buttons)";

	private static final String INSERT = """
			WITH saved AS (
			  INSERT INTO telegram_templates (id, name, texts, image, buttons, created_by, created_at, updated_by,
			                                  updated_at)
			  VALUES (:id, :name, :texts, :image, :buttons, :by, :at, :by, :at)
			  ON CONFLICT DO NOTHING
			  RETURNING id, name, texts, image, buttons),
			audited AS (
			  INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, details)
			  SELECT :auditId, :at, :by, 'telegram_template.created', 'telegram_template', saved.id::text, %s
			  FROM saved)
			SELECT count(*) AS saved FROM saved
			""".formatted(DOCUMENT.formatted("saved"));

	private static final String UPDATE = """
			WITH target AS (
			  SELECT id, name, texts, image, buttons FROM telegram_templates WHERE id = :id FOR UPDATE),
			clash AS (
			  SELECT 1 FROM telegram_templates WHERE lower(name) = lower(:name) AND id <> :id),
			saved AS (
			  UPDATE telegram_templates s SET name = :name, texts = :texts, image = :image, buttons = :buttons,
			         updated_by = :by, updated_at = :at
			  FROM target t
			  WHERE s.id = t.id AND NOT EXISTS (SELECT 1 FROM clash)
			  RETURNING s.id, s.name, s.texts, s.image, s.buttons, s.created_by, s.created_at, s.updated_by,
			            s.updated_at),
			audited AS (
			  INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, details)
			  SELECT :auditId, :at, :by, 'telegram_template.updated', 'telegram_template', saved.id::text,
			         jsonb_build_object('before', (SELECT %s FROM target), 'after', %s)
			  FROM saved)
			SELECT (SELECT count(*) FROM target) AS found, saved.*
			FROM (SELECT 1) one LEFT JOIN saved ON true
			""".formatted(DOCUMENT.formatted("target"), DOCUMENT.formatted("saved"));

	private static final String DELETE = """
			WITH gone AS (
			  DELETE FROM telegram_templates WHERE id = :id RETURNING id, name, texts, image, buttons),
			audited AS (
			  INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, details)
			  SELECT :auditId, :at, :by, 'telegram_template.deleted', 'telegram_template', gone.id::text, %s
			  FROM gone)
			SELECT count(*) AS deleted FROM gone
			""".formatted(DOCUMENT.formatted("gone"));

	private final DatabaseClient db;

	private final TemplateJson documents;

	R2dbcTelegramTemplates(DatabaseClient db, ObjectMapper json) {
		this.db = db;
		this.documents = new TemplateJson(json);
	}

	@Override
	public Mono<Write> insert(TelegramTemplate template) {
		return bindTemplate(this.db.sql(INSERT), template).bind("at", utc(template.createdAt()))
			.bind("by", template.createdBy().value())
			.map((row) -> row.get("saved", Long.class))
			.one()
			.map((saved) -> (saved == 1) ? new Write.Written(template) : new Write.NameTaken(template.name()));
	}

	@Override
	public Mono<Write> update(TelegramTemplate changed) {
		return bindTemplate(this.db.sql(UPDATE), changed).bind("at", utc(changed.updatedAt()))
			.bind("by", changed.updatedBy().value())
			.map((row) -> written(changed, row))
			.one();
	}

	@Override
	public Mono<Boolean> delete(TemplateId id, StaffId by, Instant at) {
		return this.db.sql(DELETE)
			.bind("id", id.value())
			.bind("by", by.value())
			.bind("at", utc(at))
			.bind("auditId", UUID.randomUUID())
			.map((row) -> row.get("deleted", Long.class) == 1)
			.one();
	}

	@Override
	public Mono<TelegramTemplate> find(TemplateId id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM telegram_templates WHERE id = :id")
			.bind("id", id.value())
			.map(this::template)
			.one();
	}

	@Override
	public Flux<TelegramTemplate> all() {
		return this.db.sql("SELECT " + COLUMNS + " FROM telegram_templates ORDER BY lower(name), id")
			.map(this::template)
			.all();
	}

	private DatabaseClient.GenericExecuteSpec bindTemplate(DatabaseClient.GenericExecuteSpec spec,
			TelegramTemplate template) {
		return spec.bind("id", template.id().value())
			.bind("name", template.name())
			.bind("texts", this.documents.texts(template.texts()))
			.bind("image", template.image().name())
			.bind("buttons", this.documents.buttons(template.buttons()))
			.bind("auditId", UUID.randomUUID());
	}

	private Write written(TelegramTemplate changed, Readable row) {
		if (row.get("found", Long.class) == 0) {
			return new Write.Missing(changed.id());
		}
		if (row.get("id", UUID.class) == null) {
			return new Write.NameTaken(changed.name());
		}
		return new Write.Written(template(row));
	}

	private TelegramTemplate template(Readable row) {
		return new TelegramTemplate(new TemplateId(row.get("id", UUID.class)), row.get("name", String.class),
				this.documents.texts(row.get("texts", Json.class)),
				TemplateImage.valueOf(row.get("image", String.class)),
				this.documents.buttons(row.get("buttons", Json.class)), staff(row, "created_by"),
				row.get("created_at", OffsetDateTime.class).toInstant(), staff(row, "updated_by"),
				row.get("updated_at", OffsetDateTime.class).toInstant());
	}

	private static StaffId staff(Readable row, String column) {
		return new StaffId(row.get(column, UUID.class));
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

}
