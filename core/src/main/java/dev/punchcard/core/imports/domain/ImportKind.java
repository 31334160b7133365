package dev.punchcard.core.imports.domain;

/** What a file imports. */
public enum ImportKind {

	/** Members: one per external id. */
	MEMBERS,

	/** Purchases: one per (store, receipt number). */
	PURCHASES

}
