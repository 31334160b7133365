package dev.punchcard.core.imports.domain;

/** A line turned into a row, or refused. */
public sealed interface ParsedLine<T> {

	/** The line reads as this row. */
	record Row<T>(T row) implements ParsedLine<T> {
	}

	/** The line is refused. */
	record Refused<T>(Rejection rejection) implements ParsedLine<T> {
	}

}
