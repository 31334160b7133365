package dev.punchcard.core.staff.application;

import java.time.Clock;

import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.staff.domain.StaffMember;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * A staff member opens their link code in chat: the account is bound to them, once per
 * code.
 */
public class LinkStaffChat {

	private final StaffChats chats;

	private final StaffAccounts accounts;

	private final Clock clock;

	public LinkStaffChat(StaffChats chats, StaffAccounts accounts, Clock clock) {
		this.chats = chats;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Emits the linked staff member, or completes empty when the code is unknown, used or
	 * expired.
	 */
	@Transactional
	public Mono<StaffMember> link(String code, ChatChannel channel, String externalId, String chatId) {
		return this.chats.useCode(code, this.clock.instant())
			.flatMap(this.accounts::findById)
			.filter(StaffMember::active)
			.flatMap((member) -> this.chats.bind(member.id(), channel, externalId, chatId).thenReturn(member));
	}

}
