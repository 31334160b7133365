package dev.punchcard.core.customer.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerStatus;
import dev.punchcard.core.shared.domain.CustomerId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatMemberTest {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private final Customer customer = new Customer(new CustomerId(UUID.randomUUID()), "Mario", null, "en", null,
			"REF123", null, CustomerStatus.ACTIVE, 1L, "BRONZE", NOW.minus(30, ChronoUnit.DAYS));

	@Test
	void should_need_no_write_when_a_reachable_member_was_seen_within_the_hour() {
		assertThat(member(true, NOW.minus(59, ChronoUnit.MINUTES)).changesWhenSeenAt(NOW)).isFalse();
	}

	@Test
	void should_need_a_write_when_the_member_had_blocked_the_bot() {
		assertThat(member(false, NOW.minus(1, ChronoUnit.MINUTES)).changesWhenSeenAt(NOW)).isTrue();
	}

	@Test
	void should_need_a_write_when_the_last_seen_time_is_outdated_or_unknown() {
		assertThat(member(true, NOW.minus(61, ChronoUnit.MINUTES)).changesWhenSeenAt(NOW)).isTrue();
		assertThat(member(true, null).changesWhenSeenAt(NOW)).isTrue();
	}

	@Test
	void should_need_a_write_when_the_members_other_chat_wrote_as_recently() {
		Instant here = NOW.minus(30, ChronoUnit.MINUTES);
		assertThat(new ChatMember(this.customer, true, here, NOW.minus(10, ChronoUnit.MINUTES)).changesWhenSeenAt(NOW))
			.as("the other chat wrote later: this one becomes the last")
			.isTrue();
		assertThat(new ChatMember(this.customer, true, here, here).changesWhenSeenAt(NOW)).isTrue();
		assertThat(new ChatMember(this.customer, true, here, NOW.minus(50, ChronoUnit.MINUTES)).changesWhenSeenAt(NOW))
			.as("this chat is already the last")
			.isFalse();
	}

	private ChatMember member(boolean reachable, Instant lastSeenAt) {
		return new ChatMember(this.customer, reachable, lastSeenAt);
	}

}
