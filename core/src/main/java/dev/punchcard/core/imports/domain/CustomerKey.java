package dev.punchcard.core.imports.domain;

/** How a purchases file names the customer. */
public sealed interface CustomerKey {

	/** By the id the members import gave them. */
	record ExternalId(String value) implements CustomerKey {
	}

	/** By their member card's code. */
	record CardCode(String value) implements CustomerKey {
	}

	/** By their phone, in E.164. */
	record Phone(String value) implements CustomerKey {
	}

}
