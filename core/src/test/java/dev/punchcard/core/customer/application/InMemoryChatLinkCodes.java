package dev.punchcard.core.customer.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Mono;

/**
 * Link codes in memory, with the guarantees of {@code R2dbcChatLinkCodes}: a code is
 * stored once (a duplicate errors), replaces the member's earlier codes, and is used at
 * most once, only on another channel, before it expires.
 */
public class InMemoryChatLinkCodes implements ChatLinkCodes {

	private final Map<String, ChatLinkCode> codes = new LinkedHashMap<>();

	private final Map<String, Instant> usedAt = new LinkedHashMap<>();

	private final List<Failure> failures = new ArrayList<>();

	@Override
	public Mono<Void> insert(ChatLinkCode code) {
		return Mono.fromRunnable(() -> insertNow(code));
	}

	@Override
	public Mono<CustomerId> use(String code, ChatChannel usedOn, Instant now) {
		return Mono.fromSupplier(() -> useNow(code, usedOn, now));
	}

	@Override
	public Mono<ChatLinkCode> findUsable(String code, Instant now) {
		return Mono.fromSupplier(() -> usableNow(code, now));
	}

	@Override
	public Mono<Long> failuresSince(ChatChannel channel, String externalId, Instant since) {
		return Mono.fromSupplier(() -> countFailuresNow(channel, externalId, since));
	}

	@Override
	public Mono<Void> recordFailure(ChatChannel channel, String externalId, Instant at) {
		return Mono.fromRunnable(() -> addFailureNow(new Failure(channel, externalId, at)));
	}

	/** Every code stored, in order. */
	public synchronized List<ChatLinkCode> all() {
		return List.copyOf(this.codes.values());
	}

	private synchronized void insertNow(ChatLinkCode code) {
		if (this.codes.containsKey(code.code())) {
			throw new DuplicateKeyException("chat_link_codes_pkey");
		}
		this.codes.values().removeIf((earlier) -> earlier.customerId().equals(code.customerId()));
		if (this.codes.putIfAbsent(code.code(), code) != null) {
			throw new DuplicateKeyException("chat_link_codes_pkey");
		}
	}

	private synchronized @Nullable CustomerId useNow(String code, ChatChannel usedOn, Instant now) {
		ChatLinkCode usable = usableNow(code, now);
		if (usable == null || usable.channel() == usedOn) {
			return null;
		}
		this.usedAt.put(code, now);
		return usable.customerId();
	}

	private synchronized @Nullable ChatLinkCode usableNow(String code, Instant now) {
		ChatLinkCode known = this.codes.get(code);
		if (known == null || this.usedAt.containsKey(code) || !known.expiresAt().isAfter(now)) {
			return null;
		}
		return known;
	}

	private synchronized long countFailuresNow(ChatChannel channel, String externalId, Instant since) {
		return this.failures.stream()
			.filter((failure) -> failure.channel() == channel && failure.externalId().equals(externalId)
					&& failure.at().isAfter(since))
			.count();
	}

	private synchronized void addFailureNow(Failure failure) {
		this.failures.add(failure);
	}

	private record Failure(ChatChannel channel, String externalId, Instant at) {
	}

}
