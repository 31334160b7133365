package dev.punchcard.core.imports.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Members in memory, unique by external id and phone as the customers table is. */
public class InMemoryMemberImportWrites implements MemberImportWrites {

	public final Map<CustomerId, NewMember> members = new LinkedHashMap<>();

	public final Map<CustomerId, String> externalIds = new LinkedHashMap<>();

	public final Set<String> optedOut = new TreeSet<>();

	@Override
	public synchronized Flux<KnownMember> find(List<String> ids, List<String> phones) {
		List<KnownMember> found = new ArrayList<>();
		this.members.forEach((id, member) -> {
			String externalId = this.externalIds.get(id);
			if ((externalId != null && ids.contains(externalId))
					|| (member.phone() != null && phones.contains(member.phone()))) {
				found.add(new KnownMember(id, externalId, member.phone()));
			}
		});
		return Flux.fromIterable(found);
	}

	@Override
	public synchronized Flux<String> insert(List<NewMember> news, String tier, Instant now) {
		List<String> inserted = new ArrayList<>();
		for (NewMember member : news) {
			boolean taken = this.externalIds.containsValue(member.externalId()) || (member.phone() != null
					&& this.members.values().stream().anyMatch((m) -> Objects.equals(m.phone(), member.phone())));
			if (!taken) {
				this.members.put(member.id(), member);
				this.externalIds.put(member.id(), member.externalId());
				inserted.add(member.externalId());
			}
		}
		return Flux.fromIterable(inserted);
	}

	@Override
	public synchronized Mono<Boolean> link(CustomerId customer, String externalId) {
		return Mono.just(this.externalIds.putIfAbsent(customer, externalId) == null);
	}

	@Override
	public synchronized Mono<Void> optOut(List<String> phones, Instant now) {
		this.optedOut.addAll(phones);
		return Mono.empty();
	}

	/** A member who joined at a till, without an external id. */
	public synchronized CustomerId joinedAtTill(String phone) {
		CustomerId id = CustomerId.random();
		this.members.put(id, new NewMember(id, "-", "Till member", phone, "en", null, "ref", 1));
		return id;
	}

}
