package dev.punchcard.core.staff.application;

import java.time.Instant;

/**
 * A one-time code that binds a staff member's chat account ({@code /start staff-<code>}).
 *
 * @param code the code, safe inside a deep link
 * @param expiresAt when it stops working
 */
public record LinkCode(String code, Instant expiresAt) {

	@Override
	public String toString() {
		return "LinkCode[expiresAt=" + this.expiresAt + "]";
	}

}
