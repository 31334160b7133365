package dev.punchcard.core.staff.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.staff.domain.StaffMember;
import reactor.core.publisher.Mono;

/**
 * An administrator creates a one-time, expiring code that binds a staff member's chat
 * account.
 */
public class IssueLinkCode {

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final StaffAccounts accounts;

	private final StaffChats chats;

	private final Clock clock;

	private final Duration validity;

	public IssueLinkCode(StaffAccounts accounts, StaffChats chats, Clock clock, Duration validity) {
		this.accounts = accounts;
		this.chats = chats;
		this.clock = clock;
		this.validity = validity;
	}

	/**
	 * Emits the code, or completes empty when the staff member is unknown or inactive.
	 */
	public Mono<LinkCode> issue(StaffId staffId, String createdBy) {
		return this.accounts.findById(staffId)
			.filter(StaffMember::active)
			.map((member) -> new LinkCode(randomCode(), this.clock.instant().plus(this.validity)))
			.flatMap((code) -> this.chats.insertCode(staffId, code, createdBy).thenReturn(code));
	}

	private static String randomCode() {
		StringBuilder code = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

}
