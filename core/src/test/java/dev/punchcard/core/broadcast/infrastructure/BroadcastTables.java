package dev.punchcard.core.broadcast.infrastructure;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import dev.punchcard.core.broadcast.domain.Broadcast;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.BroadcastState;
import dev.punchcard.core.broadcast.domain.ChannelPolicy;
import dev.punchcard.core.broadcast.domain.QuietHours;
import dev.punchcard.core.broadcast.domain.TemplateChoice;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.segment.domain.SegmentId;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Rows broadcast ITs need, written straight into the tables: a marketer, a segment, one
 * template per channel, and members with their chats in one set-based statement each.
 */
final class BroadcastTables {

	static final String EMPTY = "TRUNCATE broadcast_early_statuses, broadcast_button_replies, broadcast_recipients, broadcasts, segments, "
			+ "whatsapp_templates, telegram_templates, marketing_consents, channel_identities, points_balances, "
			+ "customers, audit_log, staff CASCADE";

	private final DatabaseClient db;

	final StaffId marketer = StaffId.random();

	final SegmentId segment = new SegmentId(UUID.randomUUID());

	final TemplateId whatsAppTemplate = TemplateId.random();

	final TemplateId telegramTemplate = TemplateId.random();

	BroadcastTables(DatabaseClient db, Instant now) {
		this.db = db;
		this.db.sql(EMPTY).then().block();
		this.db.sql("INSERT INTO staff (id, username, password_hash, role) VALUES (:id, :name, 'x', 'MARKETER')")
			.bind("id", this.marketer.value())
			.bind("name", "marketer-" + this.marketer)
			.then()
			.block();
		this.db.sql("""
				INSERT INTO segments (id, name, filter, created_by, created_at, updated_by, updated_at)
				VALUES (:id, 'everyone', '{}', :by, :at, :by, :at)
				""").bind("id", this.segment.value()).bind("by", this.marketer.value()).bind("at", now).then().block();
		this.db.sql("""
				INSERT INTO whatsapp_templates (id, external_id, name, language, category, status, parameter_format,
				                                components, synced_at, created_at)
				VALUES (:id, '901', 'spring_sale', 'en', 'MARKETING', 'APPROVED', 'POSITIONAL',
				        '[{"type": "BODY", "text": "Spring sale!"}]', :at, :at)
				""").bind("id", this.whatsAppTemplate.value()).bind("at", now).then().block();
		this.db.sql("""
				INSERT INTO telegram_templates (id, name, texts, image, created_by, created_at, updated_by, updated_at)
				VALUES (:id, 'Spring sale', '{"en": "Spring sale!"}', 'NONE', :by, :at, :by, :at)
				""")
			.bind("id", this.telegramTemplate.value())
			.bind("by", this.marketer.value())
			.bind("at", now)
			.then()
			.block();
	}

	/**
	 * {@code count} active members {@code <prefix>-0} ... with card numbers from
	 * {@code firstCard}.
	 */
	void members(String prefix, int count, long firstCard) {
		this.db.sql("""
				INSERT INTO customers (id, name, referral_code, card_number, language)
				SELECT gen_random_uuid(), :prefix || '-' || i, :prefix || '-R' || i, :firstCard + i,
				       CASE WHEN i % 3 = 0 THEN 'ru' ELSE 'en' END
				FROM generate_series(0, :count - 1) i
				""").bind("prefix", prefix).bind("firstCard", firstCard).bind("count", count).then().block();
	}

	/** Gives each member whose number matches {@code condition} (on {@code i}) a chat. */
	void chats(String prefix, String channel, String condition, boolean reachable, @Nullable String lastSeen) {
		DatabaseClient.GenericExecuteSpec spec = this.db
			.sql("""
					INSERT INTO channel_identities (id, customer_id, channel, external_id, chat_id, reachable, last_seen_at)
					SELECT gen_random_uuid(), c.id, :channel, :channel || '-' || c.name, 'chat-' || :channel || '-' || c.name,
					       :reachable, CAST(:lastSeen AS timestamptz)
					FROM customers c, LATERAL (SELECT split_part(c.name, '-', 2)::int AS i) n
					WHERE split_part(c.name, '-', 1) = :prefix AND (%s)
					"""
				.formatted(condition))
			.bind("channel", channel)
			.bind("reachable", reachable)
			.bind("prefix", prefix);
		spec = (lastSeen == null) ? spec.bindNull("lastSeen", String.class) : spec.bind("lastSeen", lastSeen);
		spec.then().block();
	}

	/** Opts each member whose number matches out of marketing on the channel. */
	void optOut(String prefix, String channel, String condition) {
		this.db.sql("""
				INSERT INTO marketing_consents (channel, external_id, opted_out, source, changed_at)
				SELECT :channel, :channel || '-' || c.name, true, 'STOP', now()
				FROM customers c, LATERAL (SELECT split_part(c.name, '-', 2)::int AS i) n
				WHERE split_part(c.name, '-', 1) = :prefix AND (%s)
				""".formatted(condition)).bind("channel", channel).bind("prefix", prefix).then().block();
	}

	void sql(String statement) {
		this.db.sql(statement).then().block();
	}

	Broadcast broadcast(ChannelPolicy policy, Instant now, @Nullable Instant scheduledAt, @Nullable QuietHours quiet,
			String zone) {
		TemplateChoice whatsApp = policy.uses(dev.punchcard.core.shared.domain.ChatChannel.WHATSAPP)
				? new TemplateChoice(this.whatsAppTemplate, new TemplateUse(Map.of(), null)) : null;
		TemplateChoice telegram = policy.uses(dev.punchcard.core.shared.domain.ChatChannel.TELEGRAM)
				? new TemplateChoice(this.telegramTemplate, new TemplateUse(Map.of(), null)) : null;
		return new Broadcast(BroadcastId.random(), "Spring sale", this.segment, policy, whatsApp, telegram, scheduledAt,
				ZoneId.of(zone), quiet, BroadcastState.DRAFT, null, this.marketer, now, this.marketer, now, null, null);
	}

	static QuietHours quiet(String from, String until) {
		return new QuietHours(LocalTime.parse(from), LocalTime.parse(until));
	}

}
