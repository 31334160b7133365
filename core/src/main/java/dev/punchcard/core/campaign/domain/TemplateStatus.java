package dev.punchcard.core.campaign.domain;

import java.util.Locale;

/**
 * A WhatsApp template's review status at Meta. Only {@link #APPROVED} ones can be sent;
 * {@link #PAUSED} (low quality) and {@link #DISABLED} ones stop a broadcast that uses
 * them.
 */
public enum TemplateStatus {

	APPROVED, PENDING, REJECTED, PAUSED, DISABLED, IN_APPEAL, PENDING_DELETION, DELETED, LIMIT_EXCEEDED,
	/** A status this version of Punchcard does not know; never sendable. */
	UNKNOWN;

	/** Meta's status word, any case; {@link #UNKNOWN} for one we do not know. */
	public static TemplateStatus of(String meta) {
		try {
			return valueOf(meta.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			return UNKNOWN;
		}
	}

}
