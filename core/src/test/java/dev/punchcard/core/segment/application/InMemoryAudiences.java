package dev.punchcard.core.segment.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import dev.punchcard.core.segment.domain.Criterion;
import dev.punchcard.core.segment.domain.SegmentFilter;
import reactor.core.publisher.Mono;

/**
 * Members in memory, filtered by tier only: enough for the use cases, whose SQL is
 * checked against PostgreSQL in {@code R2dbcAudiencesIT}. Any other criterion is refused
 * loudly rather than matched wrongly.
 */
public class InMemoryAudiences implements Audiences {

	private final List<SampleMember> members = new ArrayList<>();

	public InMemoryAudiences with(SampleMember member) {
		this.members.add(member);
		return this;
	}

	@Override
	public Mono<Long> count(SegmentFilter filter, Instant now) {
		return Mono.fromSupplier(() -> (long) matching(filter).size());
	}

	@Override
	public Mono<Audience> preview(SegmentFilter filter, Instant now, int sampleSize) {
		return Mono.fromSupplier(() -> {
			List<SampleMember> matching = matching(filter);
			return new Audience(matching.size(), matching.stream().limit(sampleSize).toList());
		});
	}

	private List<SampleMember> matching(SegmentFilter filter) {
		Predicate<SampleMember> all = (member) -> true;
		for (Criterion criterion : filter.criteria()) {
			if (!(criterion instanceof Criterion.TierIn tiers)) {
				throw new UnsupportedOperationException("in memory only by tier: " + criterion);
			}
			all = all.and((member) -> tiers.tiers().contains(member.tier()));
		}
		return this.members.stream()
			.filter(all)
			.sorted(Comparator.comparing((SampleMember member) -> member.id().value().toString()))
			.toList();
	}

}
