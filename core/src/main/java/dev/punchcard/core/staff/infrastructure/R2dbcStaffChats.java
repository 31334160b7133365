package dev.punchcard.core.staff.infrastructure;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.staff.application.LinkCode;
import dev.punchcard.core.staff.application.StaffAccounts;
import dev.punchcard.core.staff.application.StaffChats;
import dev.punchcard.core.staff.domain.StaffMember;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

class R2dbcStaffChats implements StaffChats {

	private final DatabaseClient db;

	private final StaffAccounts accounts;

	R2dbcStaffChats(DatabaseClient db, StaffAccounts accounts) {
		this.db = db;
		this.accounts = accounts;
	}

	@Override
	public Mono<Void> insertCode(StaffId staffId, LinkCode code, String createdBy) {
		return this.db.sql("""
				INSERT INTO staff_link_codes (code, staff_id, expires_at, created_by)
				VALUES (:code, :staffId, :expiresAt, :createdBy)
				""")
			.bind("code", code.code())
			.bind("staffId", staffId.value())
			.bind("expiresAt", code.expiresAt().atOffset(ZoneOffset.UTC))
			.bind("createdBy", createdBy)
			.then();
	}

	@Override
	public Mono<StaffId> useCode(String code, Instant now) {
		return this.db.sql("""
				UPDATE staff_link_codes SET used_at = :now
				WHERE code = :code AND used_at IS NULL AND expires_at > :now
				RETURNING staff_id
				""")
			.bind("now", now.atOffset(ZoneOffset.UTC))
			.bind("code", code)
			.map((row) -> new StaffId(row.get("staff_id", UUID.class)))
			.one();
	}

	@Override
	public Mono<Void> bind(StaffId staffId, ChatChannel channel, String externalId, String chatId) {
		return this.db.sql("""
				INSERT INTO staff_chat_identities (channel, external_id, staff_id, chat_id)
				VALUES (:channel, :externalId, :staffId, :chatId)
				ON CONFLICT ON CONSTRAINT staff_chat_identities_pkey
				DO UPDATE SET staff_id = EXCLUDED.staff_id, chat_id = EXCLUDED.chat_id
				""")
			.bind("channel", channel.name())
			.bind("externalId", externalId)
			.bind("staffId", staffId.value())
			.bind("chatId", chatId)
			.then();
	}

	@Override
	public Mono<StaffMember> findStaff(ChatChannel channel, String externalId) {
		return this.db
			.sql("SELECT staff_id FROM staff_chat_identities WHERE channel = :channel AND external_id = :externalId")
			.bind("channel", channel.name())
			.bind("externalId", externalId)
			.map((row) -> new StaffId(row.get("staff_id", UUID.class)))
			.one()
			.flatMap(this.accounts::findById)
			.filter(StaffMember::active);
	}

}
