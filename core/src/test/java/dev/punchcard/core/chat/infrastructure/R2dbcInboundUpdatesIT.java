package dev.punchcard.core.chat.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.punchcard.core.chat.application.ReceivedUpdate;
import dev.punchcard.core.chat.application.StoredUpdate;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

@TestMethodOrder(MethodOrderer.Random.class)
class R2dbcInboundUpdatesIT {

	private static final Duration LEASE = Duration.ofSeconds(30);

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));

	private DatabaseClient db;

	private R2dbcInboundUpdates updates;

	@BeforeEach
	void emptyTable() {
		TestDatabase database = TestDatabases.forModule("core");
		this.db = database.client();
		this.db.sql("TRUNCATE inbound_updates").then().as(StepVerifier::create).verifyComplete();
		this.updates = new R2dbcInboundUpdates(this.db, new Clock() {
			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return R2dbcInboundUpdatesIT.this.now.get();
			}
		});
	}

	@Test
	void should_store_an_update_once_when_it_is_delivered_twice() {
		this.updates.storeClaimed(ChatChannel.TELEGRAM, "42", "chat-1", "{}", LEASE)
			.as(StepVerifier::create)
			.expectNext(new StoredUpdate(ChatChannel.TELEGRAM, "42", "chat-1", "{}", 1))
			.verifyComplete();
		this.updates.storeClaimed(ChatChannel.TELEGRAM, "42", "chat-1", "{}", LEASE)
			.as(StepVerifier::create)
			.verifyComplete();
		this.updates.storeClaimed(ChatChannel.WHATSAPP, "42", "chat-1", "{}", LEASE)
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
	}

	@Test
	void should_store_a_group_in_one_call_and_tell_which_ids_were_new() {
		this.updates.storeClaimed(ChatChannel.TELEGRAM, "5", "chat-5", "{\"update_id\":5}", LEASE).block();

		this.updates.storeClaimed(ChatChannel.TELEGRAM,
				List.of(new ReceivedUpdate("5", "chat-5", "{}"), new ReceivedUpdate("6", "chat-6", "{\"update_id\":6}"),
						new ReceivedUpdate("7", "chat-7", "{\"update_id\":7}"),
						new ReceivedUpdate("6", "chat-6", "{\"update_id\":6}")),
				LEASE)
			.as(StepVerifier::create)
			.assertNext((stored) -> assertThat(stored).containsExactlyInAnyOrder("6", "7"))
			.verifyComplete();

		this.db.sql("SELECT update_id, chat_key, payload, status, attempts FROM inbound_updates ORDER BY update_id")
			.map((row) -> row.get("update_id", String.class) + " " + row.get("chat_key", String.class) + " "
					+ row.get("payload", String.class) + " " + row.get("status", String.class) + " "
					+ row.get("attempts", Integer.class))
			.all()
			.collectList()
			.as(StepVerifier::create)
			.assertNext((rows) -> assertThat(rows).containsExactly("5 chat-5 {\"update_id\":5} PROCESSING 1",
					"6 chat-6 {\"update_id\":6} PROCESSING 1", "7 chat-7 {\"update_id\":7} PROCESSING 1"))
			.verifyComplete();
	}

	@Test
	void should_leave_a_stored_update_to_its_claimer_until_the_lease_expires() {
		this.updates.storeClaimed(ChatChannel.TELEGRAM, "7", "chat-1", "{\"update_id\":7}", LEASE).block();

		this.now.set(this.now.get().plus(LEASE).minusSeconds(1));
		this.updates.claimStale(ChatChannel.TELEGRAM, Duration.ofSeconds(10), 10, LEASE)
			.as(StepVerifier::create)
			.verifyComplete();

		this.now.set(this.now.get().plusSeconds(2));
		this.updates.claimStale(ChatChannel.TELEGRAM, Duration.ofSeconds(10), 10, LEASE)
			.as(StepVerifier::create)
			.expectNext(new StoredUpdate(ChatChannel.TELEGRAM, "7", "chat-1", "{\"update_id\":7}", 2))
			.verifyComplete();
	}

	@Test
	void should_renew_a_claim_only_while_it_is_the_current_one() {
		this.updates.storeClaimed(ChatChannel.TELEGRAM, "7", "chat-1", "{}", LEASE).block();

		this.now.set(this.now.get().plusSeconds(20));
		this.updates.renew(ChatChannel.TELEGRAM, "7", 1, LEASE)
			.as(StepVerifier::create)
			.expectNext(new StoredUpdate(ChatChannel.TELEGRAM, "7", "chat-1", "{}", 1))
			.verifyComplete();
		// renewed at +20 s: still held at +40 s, so the sweeper leaves it alone
		this.now.set(this.now.get().plusSeconds(20));
		this.updates.claimStale(ChatChannel.TELEGRAM, Duration.ofSeconds(10), 10, LEASE)
			.as(StepVerifier::create)
			.verifyComplete();

		this.now.set(this.now.get().plus(LEASE));
		this.updates.claimStale(ChatChannel.TELEGRAM, Duration.ofSeconds(10), 10, LEASE).blockLast();
		this.updates.renew(ChatChannel.TELEGRAM, "7", 1, LEASE).as(StepVerifier::create).verifyComplete();
		this.updates.renew(ChatChannel.TELEGRAM, "7", 2, LEASE)
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
	}

	@Test
	void should_never_hand_out_a_done_update_again() {
		this.updates.storeClaimed(ChatChannel.TELEGRAM, "8", "chat-1", "{}", LEASE).block();

		this.updates.markDone(ChatChannel.TELEGRAM, List.of("8")).as(StepVerifier::create).verifyComplete();
		this.now.set(this.now.get().plus(Duration.ofHours(1)));

		this.updates.renew(ChatChannel.TELEGRAM, "8", 1, LEASE).as(StepVerifier::create).verifyComplete();
		this.updates.claimStale(ChatChannel.TELEGRAM, Duration.ofSeconds(10), 10, LEASE)
			.as(StepVerifier::create)
			.verifyComplete();
	}

	@Test
	void should_mark_a_group_of_updates_done_in_one_call_and_only_of_its_channel() {
		List.of("1", "2", "3")
			.forEach((id) -> this.updates.storeClaimed(ChatChannel.TELEGRAM, id, "chat-" + id, "{}", LEASE).block());
		this.updates.storeClaimed(ChatChannel.WHATSAPP, "2", "chat-2", "{}", LEASE).block();

		this.updates.markDone(ChatChannel.TELEGRAM, List.of("1", "2")).as(StepVerifier::create).verifyComplete();
		this.updates.markDone(ChatChannel.TELEGRAM, List.of()).as(StepVerifier::create).verifyComplete();

		this.db.sql("SELECT channel || ':' || update_id AS id FROM inbound_updates WHERE status = 'DONE'")
			.map((row) -> row.get("id", String.class))
			.all()
			.collectList()
			.as(StepVerifier::create)
			.assertNext((done) -> assertThat(done).containsExactlyInAnyOrder("TELEGRAM:1", "TELEGRAM:2"))
			.verifyComplete();
	}

	@Test
	void should_sweep_up_updates_left_behind_by_a_crash_oldest_first() {
		this.updates.storeClaimed(ChatChannel.TELEGRAM, "1", "chat-1", "{}", Duration.ofSeconds(1)).block();
		this.now.set(this.now.get().plusSeconds(1));
		this.updates.storeClaimed(ChatChannel.TELEGRAM, "2", "chat-2", "{}", LEASE).block();
		this.now.set(this.now.get().plusSeconds(5));
		this.updates.storeClaimed(ChatChannel.TELEGRAM, "3", "chat-3", "{}", Duration.ofSeconds(1)).block();

		// 2 is claimed by a live worker; the claims on 1 and 3 ran out, and they were
		// received over 10 s ago
		this.now.set(this.now.get().plusSeconds(12));
		this.updates.claimStale(ChatChannel.TELEGRAM, Duration.ofSeconds(10), 10, LEASE)
			.map(StoredUpdate::updateId)
			.as(StepVerifier::create)
			.expectNext("1", "3")
			.verifyComplete();

		this.now.set(this.now.get().plus(LEASE).plusSeconds(1));
		this.updates.claimStale(ChatChannel.TELEGRAM, Duration.ofSeconds(10), 10, LEASE)
			.map(StoredUpdate::updateId)
			.collectList()
			.as(StepVerifier::create)
			.assertNext((ids) -> assertThat(ids).containsExactlyInAnyOrder("1", "2", "3"))
			.verifyComplete();
	}

	@Test
	void should_purge_only_done_updates_when_they_are_old() {
		this.updates.storeClaimed(ChatChannel.TELEGRAM, "1", "chat-1", "{}", LEASE).block();
		this.updates.markDone(ChatChannel.TELEGRAM, List.of("1")).block();
		this.updates.storeClaimed(ChatChannel.TELEGRAM, "2", "chat-1", "{}", LEASE).block();
		this.now.set(this.now.get().plus(Duration.ofDays(3)));

		this.updates.purgeDone(ChatChannel.TELEGRAM, Duration.ofDays(2))
			.as(StepVerifier::create)
			.expectNext(1L)
			.verifyComplete();
	}

	@Test
	void should_purge_each_channel_with_its_own_horizon_when_both_have_done_updates() {
		// the same id on both channels: two different updates
		this.updates.storeClaimed(ChatChannel.TELEGRAM, "1", "chat-1", "{}", LEASE).block();
		this.updates.storeClaimed(ChatChannel.WHATSAPP, "1", "chat-1", "{}", LEASE).block();
		this.updates.markDone(ChatChannel.TELEGRAM, List.of("1")).block();
		this.updates.markDone(ChatChannel.WHATSAPP, List.of("1")).block();
		this.now.set(this.now.get().plus(Duration.ofDays(3)));

		this.updates.purgeDone(ChatChannel.TELEGRAM, Duration.ofDays(2))
			.as(StepVerifier::create)
			.expectNext(1L)
			.verifyComplete();
		this.updates.purgeDone(ChatChannel.WHATSAPP, Duration.ofDays(8))
			.as(StepVerifier::create)
			.expectNext(0L)
			.verifyComplete();
		// still a duplicate on WhatsApp, new again on Telegram
		this.updates.storeClaimed(ChatChannel.WHATSAPP, "1", "chat-1", "{}", LEASE)
			.as(StepVerifier::create)
			.verifyComplete();
		this.updates.storeClaimed(ChatChannel.TELEGRAM, "1", "chat-1", "{}", LEASE)
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
	}

}
