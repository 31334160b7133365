package dev.punchcard.core.segment.application;

import java.util.List;

/**
 * Who a filter holds right now.
 *
 * @param count how many members
 * @param sample up to {@link #SAMPLE_SIZE} of them, in id order (ids are random, so this
 * is a stable random sample)
 */
public record Audience(long count, List<SampleMember> sample) {

	/** How many members a preview shows. */
	public static final int SAMPLE_SIZE = 20;

	public Audience {
		sample = List.copyOf(sample);
	}

}
