package dev.punchcard.core.segment.application;

import java.util.Map;

import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;

/**
 * Save a segment under a name.
 *
 * @param name its name
 * @param filter its filter as a document ({@link FilterDocument}); null on a change keeps
 * the filter it has (a rename)
 * @param by the staff member who asks
 */
public record SegmentCommand(@Nullable String name, @Nullable Map<String, ?> filter, StaffId by) {

}
