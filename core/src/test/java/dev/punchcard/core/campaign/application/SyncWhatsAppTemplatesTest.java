package dev.punchcard.core.campaign.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.punchcard.core.campaign.domain.ParameterFormat;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.campaign.domain.TemplateListing;
import dev.punchcard.core.campaign.domain.TemplateStatus;
import dev.punchcard.core.campaign.domain.WhatsAppTemplate;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.support.TestClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class SyncWhatsAppTemplatesTest {

	private final RecordingTemplates store = new RecordingTemplates();

	private final CountingSource source = new CountingSource(listing("spring_sale", "en", TemplateStatus.APPROVED),
			listing("spring_sale", "en", TemplateStatus.PAUSED), listing("spring_sale", "ru", TemplateStatus.APPROVED));

	@Test
	void should_answer_not_configured_when_there_is_no_source() {
		new SyncWhatsAppTemplates(null, this.store, TestClock.fixed())
			.sync(new SyncWhatsAppTemplates.Trigger.OnDemand(StaffId.random()))
			.as(StepVerifier::create)
			.expectNext(new SyncOutcome.NotConfigured())
			.verifyComplete();
		assertThat(this.store.calls).isEmpty();
	}

	@Test
	void should_store_the_whole_listing_once_per_name_and_language_when_asked_on_demand() {
		StaffId marketer = StaffId.random();
		this.store.last = TestClock.NOW;

		new SyncWhatsAppTemplates(this.source, this.store, TestClock.fixed())
			.sync(new SyncWhatsAppTemplates.Trigger.OnDemand(marketer))
			.as(StepVerifier::create)
			.expectNext(new SyncOutcome.Synced(2, 2, 0, 0))
			.verifyComplete();

		Call call = this.store.calls.get(0);
		assertThat(call.by()).isEqualTo(marketer);
		assertThat(call.unlessSyncedAfter()).as("on demand runs even right after another sync").isNull();
		assertThat(call.listed()).extracting(TemplateListing::language, TemplateListing::status)
			.as("the last listing of a (name, language) counts")
			.containsExactly(org.assertj.core.groups.Tuple.tuple("en", TemplateStatus.PAUSED),
					org.assertj.core.groups.Tuple.tuple("ru", TemplateStatus.APPROVED));
	}

	@Test
	void should_not_even_ask_meta_when_the_schedule_finds_a_sync_within_the_interval() {
		this.store.last = TestClock.NOW.minus(Duration.ofMinutes(59));

		new SyncWhatsAppTemplates(this.source, this.store, TestClock.fixed())
			.sync(new SyncWhatsAppTemplates.Trigger.Scheduled(Duration.ofHours(1)))
			.as(StepVerifier::create)
			.expectNext(new SyncOutcome.UpToDate())
			.verifyComplete();

		assertThat(this.source.asked).hasValue(0);
		assertThat(this.store.calls).isEmpty();
	}

	@Test
	void should_sync_on_schedule_as_the_schedule_when_the_last_sync_is_older_than_the_interval() {
		this.store.last = TestClock.NOW.minus(Duration.ofMinutes(61));

		new SyncWhatsAppTemplates(this.source, this.store, TestClock.fixed())
			.sync(new SyncWhatsAppTemplates.Trigger.Scheduled(Duration.ofHours(1)))
			.as(StepVerifier::create)
			.expectNext(new SyncOutcome.Synced(2, 2, 0, 0))
			.verifyComplete();

		assertThat(this.store.calls).singleElement().satisfies((call) -> {
			assertThat(call.by()).isNull();
			assertThat(call.unlessSyncedAfter()).isEqualTo(TestClock.NOW.minus(Duration.ofHours(1)));
		});
	}

	@Test
	void should_answer_busy_when_another_instance_holds_the_sync() {
		this.store.busy = true;

		new SyncWhatsAppTemplates(this.source, this.store, TestClock.fixed())
			.sync(new SyncWhatsAppTemplates.Trigger.OnDemand(StaffId.random()))
			.as(StepVerifier::create)
			.expectNext(new SyncOutcome.Busy())
			.verifyComplete();
	}

	private static TemplateListing listing(String name, String language, TemplateStatus status) {
		return new TemplateListing("id-" + name + language, name, language, "MARKETING", status,
				ParameterFormat.POSITIONAL, List.of());
	}

	record Call(List<TemplateListing> listed, @Nullable StaffId by, @Nullable Instant unlessSyncedAfter) {
	}

	/** A store that records what it is asked and answers as the SQL would. */
	static final class RecordingTemplates implements WhatsAppTemplates {

		final List<Call> calls = new ArrayList<>();

		@Nullable Instant last;

		boolean busy;

		@Override
		public Mono<SyncResult> replaceAll(String account, List<TemplateListing> listed, @Nullable StaffId by,
				Instant at, @Nullable Instant unlessSyncedAfter) {
			return Mono.fromSupplier(() -> {
				if (this.busy) {
					return new SyncResult.Busy();
				}
				this.calls.add(new Call(listed, by, unlessSyncedAfter));
				return new SyncResult.Synced(listed.size(), listed.size(), 0, 0);
			});
		}

		@Override
		public Mono<Instant> lastSync() {
			return Mono.fromSupplier(() -> this.last);
		}

		@Override
		public Mono<WhatsAppTemplate> find(TemplateId id) {
			return Mono.empty();
		}

		@Override
		public Flux<WhatsAppTemplate> all() {
			return Flux.empty();
		}

	}

	/** Meta's listing, counting how often it is asked. */
	static final class CountingSource implements TemplateSource {

		final AtomicInteger asked = new AtomicInteger();

		private final List<TemplateListing> listings;

		CountingSource(TemplateListing... listings) {
			this.listings = List.of(listings);
		}

		@Override
		public String account() {
			return "102290129340398";
		}

		@Override
		public Flux<TemplateListing> listAll() {
			return Flux.defer(() -> {
				this.asked.incrementAndGet();
				return Flux.fromIterable(this.listings);
			});
		}

	}

}
