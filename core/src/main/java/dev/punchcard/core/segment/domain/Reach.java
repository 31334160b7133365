package dev.punchcard.core.segment.domain;

/** Which messenger a member must be reachable on. */
public enum Reach {

	TELEGRAM, WHATSAPP,
	/** Either messenger. */
	ANY

}
