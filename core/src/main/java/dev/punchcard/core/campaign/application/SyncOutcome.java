package dev.punchcard.core.campaign.application;

/** What syncing the WhatsApp templates did. */
public sealed interface SyncOutcome {

	/** Stored: how many were listed, added, changed and marked gone. */
	record Synced(int listed, int added, int changed, int gone) implements SyncOutcome {
	}

	/** Another instance is syncing right now; nothing was written. */
	record Busy() implements SyncOutcome {
	}

	/** The schedule found the templates synced within the interval; nothing was done. */
	record UpToDate() implements SyncOutcome {
	}

	/**
	 * WhatsApp, or its business account id, is not configured: there is nothing to sync
	 * from.
	 */
	record NotConfigured() implements SyncOutcome {
	}

}
