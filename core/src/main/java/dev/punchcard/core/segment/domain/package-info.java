/**
 * Segments: who a marketer reaches. A
 * {@link dev.punchcard.core.segment.domain.SegmentFilter} is a set of criteria over
 * members, all of which must hold; the RFM classes and churn risks some criteria read are
 * named here with the rules that give them.
 */
@NullMarked
package dev.punchcard.core.segment.domain;

import org.jspecify.annotations.NullMarked;
