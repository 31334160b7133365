package dev.punchcard.core.imports.application;

import java.util.List;

import dev.punchcard.core.imports.domain.Rejection;

/**
 * What importing a chunk of lines did.
 *
 * @param accepted lines imported or found imported already
 * @param unchanged of the accepted, those found already (nothing written)
 * @param rejections the lines refused
 */
public record ChunkResult(long accepted, long unchanged, List<Rejection> rejections) {

}
