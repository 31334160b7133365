package dev.punchcard.core.imports.domain;

/**
 * A line of the file that was not imported.
 *
 * @param lineNo its line number in the file (the header is line 1)
 * @param reason why, in words an operator can act on
 */
public record Rejection(long lineNo, String reason) {

}
