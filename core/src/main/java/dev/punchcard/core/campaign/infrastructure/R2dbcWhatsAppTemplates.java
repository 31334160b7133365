package dev.punchcard.core.campaign.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.punchcard.core.campaign.application.WhatsAppTemplates;
import dev.punchcard.core.campaign.domain.ParameterFormat;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateListing;
import dev.punchcard.core.campaign.domain.TemplateStatus;
import dev.punchcard.core.campaign.domain.WhatsAppTemplate;
import dev.punchcard.core.shared.domain.StaffId;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link WhatsAppTemplates} in {@code whatsapp_templates}. A sync is one statement: the
 * transaction-scoped advisory lock (tried, never waited for), the upsert of every listed
 * template, marking the unlisted ones gone and the audit row, so a sync is written whole
 * or not at all, and two instances never write one at the same time.
 */
class R2dbcWhatsAppTemplates implements WhatsAppTemplates {

	/** The advisory lock key of template syncs ("wa_tpl" in ASCII). */
	static final long LOCK_KEY = 0x77615f74706cL;

	private static final String COLUMNS = "id, external_id, name, language, category, status, parameter_format, "
			+ "components, synced_at, gone_at";

	private static final String SYNC = """
			WITH lock AS (SELECT pg_try_advisory_xact_lock(:lockKey) AS got),
			recent AS (
			  SELECT CAST(:unlessAfter AS timestamptz) IS NOT NULL AND EXISTS (
			    SELECT 1 FROM audit_log
			    WHERE entity_type = 'whatsapp_templates' AND action = 'whatsapp_templates.synced'
			      AND at > CAST(:unlessAfter AS timestamptz)) AS yes),
			go AS (SELECT l.got AND NOT r.yes AS ok FROM lock l, recent r),
			listed AS (
			  SELECT l.* FROM jsonb_to_recordset(CAST(:listed AS jsonb)) AS l(id uuid, external_id text, name text,
			    language text, category text, status text, parameter_format text, components jsonb)
			  WHERE (SELECT ok FROM go)),
			before AS (SELECT id, category, status, parameter_format, components, gone_at FROM whatsapp_templates),
			saved AS (
			  INSERT INTO whatsapp_templates AS t (id, external_id, name, language, category, status, parameter_format,
			                                       components, synced_at, created_at)
			  SELECT id, external_id, name, language, category, status, parameter_format, components, :at, :at
			  FROM listed
			  ON CONFLICT (name, language) DO UPDATE
			    SET external_id = EXCLUDED.external_id, category = EXCLUDED.category, status = EXCLUDED.status,
			        parameter_format = EXCLUDED.parameter_format, components = EXCLUDED.components,
			        synced_at = EXCLUDED.synced_at, gone_at = NULL
			  RETURNING t.id, t.name, t.language, t.category, t.status, t.parameter_format, t.components),
			added AS (SELECT s.name, s.language, s.status FROM saved s WHERE NOT EXISTS (SELECT 1 FROM before b WHERE b.id = s.id)),
			changed AS (
			  SELECT s.name, s.language, b.status AS old_status, s.status FROM saved s JOIN before b ON b.id = s.id
			  WHERE (b.category, b.status, b.parameter_format, b.components)
			        IS DISTINCT FROM (s.category, s.status, s.parameter_format, s.components)
			     OR b.gone_at IS NOT NULL),
			gone AS (
			  UPDATE whatsapp_templates t SET gone_at = :at
			  WHERE (SELECT ok FROM go) AND t.gone_at IS NULL
			    AND NOT EXISTS (SELECT 1 FROM listed l WHERE l.name = t.name AND l.language = t.language)
			  RETURNING t.name, t.language),
			audited AS (
			  INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, details)
			  SELECT :auditId, :at, :by, 'whatsapp_templates.synced', 'whatsapp_templates', :account,
			    jsonb_build_object('listed', (SELECT count(*) FROM listed),
			      'added', (SELECT COALESCE(jsonb_agg(jsonb_build_object('name', name, 'language', language,
			                                                             'status', status)), '[]') FROM added),
			      'changed', (SELECT COALESCE(jsonb_agg(jsonb_build_object('name', name, 'language', language,
			                                            'from', old_status, 'to', status)), '[]') FROM changed),
			      'gone', (SELECT COALESCE(jsonb_agg(jsonb_build_object('name', name, 'language', language)), '[]')
			               FROM gone))
			  WHERE (SELECT ok FROM go))
			SELECT (SELECT got FROM lock) AS got, (SELECT ok FROM go) AS ok, (SELECT count(*) FROM listed) AS listed,
			       (SELECT count(*) FROM added) AS added, (SELECT count(*) FROM changed) AS changed,
			       (SELECT count(*) FROM gone) AS gone
			""";

	private final DatabaseClient db;

	private final ObjectMapper json;

	private final TemplateJson documents;

	R2dbcWhatsAppTemplates(DatabaseClient db, ObjectMapper json) {
		this.db = db;
		this.json = json;
		this.documents = new TemplateJson(json);
	}

	@Override
	public Mono<SyncResult> replaceAll(String account, List<TemplateListing> listed, @Nullable StaffId by, Instant at,
			@Nullable Instant unlessSyncedAfter) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(SYNC)
			.bind("lockKey", LOCK_KEY)
			.bind("listed", listing(listed))
			.bind("at", utc(at))
			.bind("account", account)
			.bind("auditId", UUID.randomUUID());
		spec = (by == null) ? spec.bindNull("by", UUID.class) : spec.bind("by", by.value());
		spec = (unlessSyncedAfter == null) ? spec.bindNull("unlessAfter", OffsetDateTime.class)
				: spec.bind("unlessAfter", utc(unlessSyncedAfter));
		return spec.map(R2dbcWhatsAppTemplates::result).one();
	}

	@Override
	public Mono<Instant> lastSync() {
		return this.db
			.sql("SELECT max(at) AS last FROM audit_log WHERE entity_type = 'whatsapp_templates' "
					+ "AND action = 'whatsapp_templates.synced'")
			.map((row) -> row.get("last", OffsetDateTime.class))
			.one()
			.map(OffsetDateTime::toInstant);
	}

	@Override
	public Mono<WhatsAppTemplate> find(TemplateId id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM whatsapp_templates WHERE id = :id")
			.bind("id", id.value())
			.map(this::template)
			.one();
	}

	@Override
	public Flux<WhatsAppTemplate> all() {
		return this.db.sql("SELECT " + COLUMNS + " FROM whatsapp_templates ORDER BY name, language")
			.map(this::template)
			.all();
	}

	private Json listing(List<TemplateListing> listed) {
		ArrayNode rows = this.json.createArrayNode();
		for (TemplateListing listing : listed) {
			rows.addObject()
				.put("id", UUID.randomUUID().toString())
				.put("external_id", listing.externalId())
				.put("name", listing.name())
				.put("language", listing.language())
				.put("category", listing.category())
				.put("status", listing.status().name())
				.put("parameter_format", listing.parameterFormat().name())
				.set("components", this.documents.components(listing.components()));
		}
		return this.documents.write(rows);
	}

	private static SyncResult result(Readable row) {
		if (!Boolean.TRUE.equals(row.get("got", Boolean.class))) {
			return new SyncResult.Busy();
		}
		if (!Boolean.TRUE.equals(row.get("ok", Boolean.class))) {
			return new SyncResult.Recent();
		}
		return new SyncResult.Synced(count(row, "listed"), count(row, "added"), count(row, "changed"),
				count(row, "gone"));
	}

	private static int count(Readable row, String column) {
		Long value = row.get(column, Long.class);
		return (value == null) ? 0 : value.intValue();
	}

	private WhatsAppTemplate template(Readable row) {
		TemplateListing listing = new TemplateListing(row.get("external_id", String.class),
				row.get("name", String.class), row.get("language", String.class), row.get("category", String.class),
				TemplateStatus.of(row.get("status", String.class)),
				ParameterFormat.valueOf(row.get("parameter_format", String.class)),
				this.documents.components(row.get("components", Json.class)));
		OffsetDateTime gone = row.get("gone_at", OffsetDateTime.class);
		return new WhatsAppTemplate(new TemplateId(row.get("id", UUID.class)), listing,
				row.get("synced_at", OffsetDateTime.class).toInstant(), (gone == null) ? null : gone.toInstant());
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

}
