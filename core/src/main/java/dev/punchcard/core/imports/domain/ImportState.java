package dev.punchcard.core.imports.domain;

/** Where an import is. */
public enum ImportState {

	/** Being read by an instance that keeps its heartbeat fresh. */
	RUNNING,

	/** Every line was read: accepted or rejected. */
	COMPLETED,

	/** The file could not be read on (a missing column, an unreadable file). */
	FAILED,

	/**
	 * The instance running it stopped (its heartbeat went stale): upload the file again,
	 * rows already imported are not imported twice.
	 */
	INTERRUPTED

}
