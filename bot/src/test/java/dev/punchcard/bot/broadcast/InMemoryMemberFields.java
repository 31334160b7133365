package dev.punchcard.bot.broadcast;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.punchcard.core.campaign.application.MemberFieldValues;
import dev.punchcard.core.campaign.application.MemberFields;
import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Flux;

/** Members' template fields in memory; counts the reads (one per batch). */
final class InMemoryMemberFields implements MemberFields {

	private final Map<CustomerId, MemberFieldValues> members = new ConcurrentHashMap<>();

	private final AtomicInteger reads = new AtomicInteger();

	MemberFieldValues save(MemberFieldValues member) {
		this.members.put(member.id(), member);
		return member;
	}

	@Override
	public Flux<MemberFieldValues> of(Collection<CustomerId> ids) {
		return Flux.defer(() -> {
			this.reads.incrementAndGet();
			List<MemberFieldValues> found = ids.stream().map(this.members::get).filter(Objects::nonNull).toList();
			return Flux.fromIterable(found);
		});
	}

	int reads() {
		return this.reads.get();
	}

}
