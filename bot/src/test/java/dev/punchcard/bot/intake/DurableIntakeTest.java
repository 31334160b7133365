package dev.punchcard.bot.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.punchcard.core.chat.application.ReceivedUpdate;
import dev.punchcard.core.chat.application.StoredUpdate;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The durable intake as any channel uses it, over the in-memory store: what is accepted
 * is handled once per channel, in order per chat, retried after a failure, and purged
 * with the channel's own horizon.
 */
class DurableIntakeTest {

	private static final Duration AWAIT = Duration.ofSeconds(5);

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));

	private final InMemoryInboundUpdates store = new InMemoryInboundUpdates(new Clock() {
		@Override
		public Instant instant() {
			return DurableIntakeTest.this.now.get();
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	});

	private final List<StoredUpdate> handled = new CopyOnWriteArrayList<>();

	private final List<Disposable> running = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		this.running.forEach(Disposable::dispose);
	}

	@Test
	void should_handle_the_same_update_id_once_per_channel_when_two_channels_share_the_store() {
		DurableIntake telegram = started(ChatChannel.TELEGRAM, recording(), settings(Duration.ofDays(2)));
		DurableIntake whatsapp = started(ChatChannel.WHATSAPP, recording(), settings(Duration.ofDays(8)));

		accept(telegram, "42", "chat-1").expectNext(true).verifyComplete();
		accept(whatsapp, "42", "chat-1").expectNext(true).verifyComplete();
		accept(whatsapp, "42", "chat-1").expectNext(false).verifyComplete();

		await().atMost(AWAIT).untilAsserted(() -> assertThat(this.handled).hasSize(2));
		assertThat(this.handled).extracting(StoredUpdate::channel)
			.containsExactlyInAnyOrder(ChatChannel.TELEGRAM, ChatChannel.WHATSAPP);
		await().atMost(AWAIT).untilAsserted(() -> {
			assertThat(this.store.status(ChatChannel.TELEGRAM, "42")).isEqualTo("DONE");
			assertThat(this.store.status(ChatChannel.WHATSAPP, "42")).isEqualTo("DONE");
		});
	}

	@Test
	void should_handle_a_chats_updates_in_the_order_they_arrived_when_the_first_is_slow() {
		StoredUpdateHandler slowFirst = (update) -> Mono
			.delay(Duration.ofMillis("1".equals(update.updateId()) ? 200 : 0))
			.then(Mono.fromRunnable(() -> this.handled.add(update)));
		DurableIntake intake = started(ChatChannel.WHATSAPP, slowFirst, settings(Duration.ofDays(8)));

		for (String id : List.of("1", "2", "3")) {
			accept(intake, id, "chat-7").expectNext(true).verifyComplete();
		}

		await().atMost(AWAIT).untilAsserted(() -> assertThat(this.handled).hasSize(3));
		assertThat(this.handled).extracting(StoredUpdate::updateId).containsExactly("1", "2", "3");
	}

	@Test
	void should_handle_a_failed_update_again_when_its_lease_ran_out_and_the_sweeper_reclaims_it() {
		AtomicInteger calls = new AtomicInteger();
		StoredUpdateHandler failsOnce = (update) -> (calls.incrementAndGet() == 1)
				? Mono.error(new IllegalStateException("platform down (test)"))
				: Mono.fromRunnable(() -> this.handled.add(update));
		DurableIntake intake = started(ChatChannel.WHATSAPP, failsOnce, settings(Duration.ofDays(8)));

		accept(intake, "wamid.1", "chat-1").expectNext(true).verifyComplete();
		await().atMost(AWAIT).until(() -> calls.get() == 1);
		assertThat(this.store.status(ChatChannel.WHATSAPP, "wamid.1")).isEqualTo("PROCESSING");

		// the sweeper finds it only once it is stale and its lease has run out
		this.now.set(this.now.get().plusSeconds(61));
		intake.reclaimStale().as(StepVerifier::create).verifyComplete();

		await().atMost(AWAIT).untilAsserted(() -> assertThat(this.handled).hasSize(1));
		assertThat(this.handled.get(0).attempts()).isEqualTo(2);
		await().atMost(AWAIT)
			.untilAsserted(() -> assertThat(this.store.status(ChatChannel.WHATSAPP, "wamid.1")).isEqualTo("DONE"));
	}

	@Test
	void should_give_an_update_up_when_it_failed_max_attempts_times() {
		AtomicInteger calls = new AtomicInteger();
		StoredUpdateHandler alwaysFails = (update) -> Mono.defer(() -> {
			calls.incrementAndGet();
			return Mono.error(new IllegalStateException("bad (test)"));
		});
		DurableIntake intake = started(ChatChannel.TELEGRAM, alwaysFails, settings(Duration.ofDays(2), 2));

		accept(intake, "7", "chat-1").expectNext(true).verifyComplete();
		await().atMost(AWAIT).until(() -> calls.get() == 1);
		this.now.set(this.now.get().plusSeconds(61));
		intake.reclaimStale().as(StepVerifier::create).verifyComplete();

		await().atMost(AWAIT)
			.untilAsserted(() -> assertThat(this.store.status(ChatChannel.TELEGRAM, "7")).isEqualTo("DONE"));
		assertThat(calls).hasValue(2);
	}

	@Test
	void should_purge_each_channels_done_updates_after_its_own_horizon() {
		DurableIntake telegram = started(ChatChannel.TELEGRAM, recording(), settings(Duration.ofDays(2)));
		DurableIntake whatsapp = started(ChatChannel.WHATSAPP, recording(), settings(Duration.ofDays(8)));
		accept(telegram, "1", "chat-1").expectNext(true).verifyComplete();
		accept(whatsapp, "1", "chat-1").expectNext(true).verifyComplete();
		await().atMost(AWAIT).untilAsserted(() -> {
			assertThat(this.store.status(ChatChannel.TELEGRAM, "1")).isEqualTo("DONE");
			assertThat(this.store.status(ChatChannel.WHATSAPP, "1")).isEqualTo("DONE");
		});

		this.now.set(this.now.get().plus(Duration.ofDays(3)));
		telegram.purgeDone().as(StepVerifier::create).verifyComplete();
		whatsapp.purgeDone().as(StepVerifier::create).verifyComplete();

		assertThat(this.store.status(ChatChannel.TELEGRAM, "1")).isNull();
		assertThat(this.store.status(ChatChannel.WHATSAPP, "1")).isEqualTo("DONE");
		// WhatsApp redelivers for up to 7 days: three days on, the same message is still
		// a
		// duplicate
		accept(whatsapp, "1", "chat-1").expectNext(false).verifyComplete();
	}

	@Test
	void should_refuse_settings_when_the_channel_gave_no_dedupe_horizon() {
		IntakeSettings withoutHorizon = settings(null);

		assertThatIllegalStateException().isThrownBy(() -> new DurableIntake(ChatChannel.WHATSAPP, this.store,
				recording(), withoutHorizon, Schedulers.parallel()));
		assertThat(withoutHorizon.withPurgeAfterDefault(Duration.ofDays(8)).purgeAfter()).isEqualTo(Duration.ofDays(8));
		assertThat(settings(Duration.ofDays(9)).withPurgeAfterDefault(Duration.ofDays(8)).purgeAfter())
			.isEqualTo(Duration.ofDays(9));
	}

	@Test
	void should_refuse_settings_when_processing_may_outlast_the_lease() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IntakeSettings(4, Duration.ofSeconds(30), Duration.ofSeconds(30),
					Duration.ofSeconds(10), Duration.ofSeconds(5), 50, 5, Duration.ofDays(2), Duration.ofHours(1),
					Duration.ofSeconds(5)))
			.withMessageContaining("processing-timeout");
	}

	private StoredUpdateHandler recording() {
		return (update) -> Mono.fromRunnable(() -> this.handled.add(update));
	}

	private DurableIntake started(ChatChannel channel, StoredUpdateHandler handler, IntakeSettings settings) {
		DurableIntake intake = new DurableIntake(channel, this.store, handler, settings, Schedulers.parallel());
		this.running.add(intake.run().subscribe());
		return intake;
	}

	private StepVerifier.FirstStep<Boolean> accept(DurableIntake intake, String updateId, String chatKey) {
		return intake.accept(new ReceivedUpdate(updateId, chatKey, "{\"id\":\"" + updateId + "\"}"))
			.as(StepVerifier::create);
	}

	private static IntakeSettings settings(Duration purgeAfter) {
		return settings(purgeAfter, 5);
	}

	/** Sweeps far apart (the tests sweep themselves); a 60 s lease, stale after 10 s. */
	private static IntakeSettings settings(Duration purgeAfter, int maxAttempts) {
		return new IntakeSettings(4, Duration.ofSeconds(60), Duration.ofSeconds(45), Duration.ofSeconds(10),
				Duration.ofHours(1), 50, maxAttempts, purgeAfter, Duration.ofHours(1), Duration.ofSeconds(5));
	}

}
