package dev.punchcard.core.imports.application;

/**
 * What one chunk of lines added to an import's counts.
 *
 * @param bytesRead bytes of the file read by the end of the chunk (a total, not added)
 * @param rowsRead lines in the chunk
 * @param accepted lines imported or found imported already
 * @param unchanged of the accepted, those found already
 * @param rejected lines refused
 */
public record ImportProgress(long bytesRead, long rowsRead, long accepted, long unchanged, long rejected) {

}
