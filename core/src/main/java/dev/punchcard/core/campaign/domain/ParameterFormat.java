package dev.punchcard.core.campaign.domain;

/** How a WhatsApp template writes its parameters. */
public enum ParameterFormat {

	/** {@code {{1}}}, {@code {{2}}}, …, filled in order. */
	POSITIONAL,

	/** {@code {{first_name}}}, …, filled by name. */
	NAMED

}
