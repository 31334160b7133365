package dev.punchcard.core.imports.application;

/** What uploading a file for import did. */
public sealed interface StartOutcome {

	/** Stored and running in the background. */
	record Started(ImportView importView) implements StartOutcome {
	}

	/** The upload passed the size limit; nothing is kept. */
	record TooLarge(long maxBytes) implements StartOutcome {
	}

	/** The upload was empty. */
	record Empty() implements StartOutcome {
	}

}
