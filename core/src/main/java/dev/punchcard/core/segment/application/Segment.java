package dev.punchcard.core.segment.application;

import java.time.Instant;

import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.segment.domain.SegmentId;
import dev.punchcard.core.shared.domain.StaffId;

/**
 * A saved segment.
 *
 * @param id its id
 * @param name its name, unique case-insensitively
 * @param filter who it holds
 * @param createdBy who saved it first
 * @param createdAt when
 * @param updatedBy who changed it last
 * @param updatedAt when
 */
public record Segment(SegmentId id, String name, SegmentFilter filter, StaffId createdBy, Instant createdAt,
		StaffId updatedBy, Instant updatedAt) {

}
