package dev.punchcard.core.chat.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import dev.punchcard.core.chat.application.StoredUpdate;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.support.TestDatabase;
import dev.punchcard.core.support.TestDatabases;
import io.r2dbc.spi.ConnectionFactories;
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
		this.db = DatabaseClient.create(ConnectionFactories
			.get(database.r2dbcUrl().replace("r2dbc:postgresql://", "r2dbc:postgresql://" + database.user() + "@")));
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
		this.updates.storeIfNew(ChatChannel.TELEGRAM, "42", "chat-1", "{}")
			.as(StepVerifier::create)
			.expectNext(true)
			.verifyComplete();
		this.updates.storeIfNew(ChatChannel.TELEGRAM, "42", "chat-1", "{}")
			.as(StepVerifier::create)
			.expectNext(false)
			.verifyComplete();
		this.updates.storeIfNew(ChatChannel.WHATSAPP, "42", "chat-1", "{}")
			.as(StepVerifier::create)
			.expectNext(true)
			.verifyComplete();
	}

	@Test
	void should_hand_an_update_to_one_worker_until_its_lease_expires() {
		this.updates.storeIfNew(ChatChannel.TELEGRAM, "7", "chat-1", "{\"update_id\":7}").block();

		this.updates.claim(ChatChannel.TELEGRAM, "7", LEASE)
			.as(StepVerifier::create)
			.assertNext((claimed) -> assertThat(claimed)
				.isEqualTo(new StoredUpdate(ChatChannel.TELEGRAM, "7", "chat-1", "{\"update_id\":7}", 1)))
			.verifyComplete();
		this.updates.claim(ChatChannel.TELEGRAM, "7", LEASE).as(StepVerifier::create).verifyComplete();

		this.now.set(this.now.get().plus(LEASE).plusSeconds(1));
		this.updates.claim(ChatChannel.TELEGRAM, "7", LEASE)
			.as(StepVerifier::create)
			.assertNext((claimed) -> assertThat(claimed.attempts()).isEqualTo(2))
			.verifyComplete();
	}

	@Test
	void should_never_hand_out_a_done_update_again() {
		this.updates.storeIfNew(ChatChannel.TELEGRAM, "8", "chat-1", "{}").block();
		this.updates.claim(ChatChannel.TELEGRAM, "8", LEASE).block();

		this.updates.markDone(ChatChannel.TELEGRAM, "8").as(StepVerifier::create).verifyComplete();
		this.now.set(this.now.get().plus(Duration.ofHours(1)));

		this.updates.claim(ChatChannel.TELEGRAM, "8", LEASE).as(StepVerifier::create).verifyComplete();
		this.updates.claimStale(ChatChannel.TELEGRAM, Duration.ofSeconds(10), 10, LEASE)
			.as(StepVerifier::create)
			.verifyComplete();
	}

	@Test
	void should_sweep_up_updates_left_behind_by_a_crash_oldest_first() {
		this.updates.storeIfNew(ChatChannel.TELEGRAM, "1", "chat-1", "{}").block();
		this.now.set(this.now.get().plusSeconds(1));
		this.updates.storeIfNew(ChatChannel.TELEGRAM, "2", "chat-2", "{}").block();
		this.updates.claim(ChatChannel.TELEGRAM, "2", LEASE).block();
		this.now.set(this.now.get().plusSeconds(5));
		this.updates.storeIfNew(ChatChannel.TELEGRAM, "3", "chat-3", "{}").block();

		// 2 is claimed by a live worker; 1 and 3 were received over 10 s ago and nobody
		// holds them
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
		this.updates.storeIfNew(ChatChannel.TELEGRAM, "1", "chat-1", "{}").block();
		this.updates.markDone(ChatChannel.TELEGRAM, "1").block();
		this.updates.storeIfNew(ChatChannel.TELEGRAM, "2", "chat-1", "{}").block();
		this.now.set(this.now.get().plus(Duration.ofDays(3)));

		this.updates.purgeDone(Duration.ofDays(2)).as(StepVerifier::create).expectNext(1L).verifyComplete();
	}

}
