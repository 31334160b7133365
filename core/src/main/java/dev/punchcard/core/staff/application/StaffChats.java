package dev.punchcard.core.staff.application;

import java.time.Instant;

import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.staff.domain.StaffMember;
import reactor.core.publisher.Mono;

/** Link codes and the chat accounts bound to staff members. */
public interface StaffChats {

	/** Stores a new link code for the staff member. */
	Mono<Void> insertCode(StaffId staffId, LinkCode code, String createdBy);

	/**
	 * Uses the code once: emits its staff member's id, or completes empty when unknown,
	 * used or expired.
	 */
	Mono<StaffId> useCode(String code, Instant now);

	/**
	 * Binds the chat account to the staff member (replacing an earlier binding of that
	 * account).
	 */
	Mono<Void> bind(StaffId staffId, ChatChannel channel, String externalId, String chatId);

	/** Emits the active staff member bound to this chat account, or completes empty. */
	Mono<StaffMember> findStaff(ChatChannel channel, String externalId);

}
