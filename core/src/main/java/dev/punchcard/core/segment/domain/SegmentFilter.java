package dev.punchcard.core.segment.domain;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Criteria a member must all meet (AND); with none, every active member matches. At most
 * one criterion of each kind.
 */
public record SegmentFilter(List<Criterion> criteria) {

	public SegmentFilter {
		criteria = List.copyOf(criteria);
		Set<Class<?>> kinds = new HashSet<>();
		for (Criterion criterion : criteria) {
			if (!kinds.add(criterion.getClass())) {
				throw new IllegalArgumentException("two criteria of one kind: " + criterion.getClass().getSimpleName());
			}
		}
		criteria = criteria.stream().sorted(Comparator.comparing((c) -> c.getClass().getSimpleName())).toList();
	}

	/** Every active member. */
	public static SegmentFilter everyone() {
		return new SegmentFilter(List.of());
	}

	public static SegmentFilter of(Criterion... criteria) {
		return new SegmentFilter(List.of(criteria));
	}

}
