package dev.punchcard.core.imports.domain;

import java.util.List;

/**
 * One record of a CSV file as read.
 *
 * @param lineNo the line it starts on (the header is line 1)
 * @param fields its fields, unquoted
 * @param bytesRead how many bytes of the file were read when it was (a little ahead of
 * it, by the reader's buffer)
 */
public record SourceLine(long lineNo, List<String> fields, long bytesRead) {

}
