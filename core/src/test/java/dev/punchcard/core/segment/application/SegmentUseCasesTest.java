package dev.punchcard.core.segment.application;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.punchcard.core.segment.domain.Criterion.TierIn;
import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.segment.domain.SegmentId;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.store.application.InMemoryStores;
import dev.punchcard.core.store.domain.Store;
import dev.punchcard.core.store.domain.StoreFixture;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentUseCasesTest {

	private final InMemoryStores stores = new InMemoryStores();

	private final InMemorySegments segments = new InMemorySegments();

	private final InMemoryAudiences audiences = new InMemoryAudiences();

	private final FilterCheck filters = new FilterCheck(
			new FilterDocument(List.of("BRONZE", "SILVER", "GOLD"), java.util.Set.of("en", "ru")), this.stores);

	private final StaffId marketer = StaffId.random();

	private final PreviewSegment preview = new PreviewSegment(this.filters, this.audiences, TestClock.fixed());

	private final CreateSegment create = new CreateSegment(this.filters, this.segments, this.audiences,
			TestClock.fixed());

	private final ChangeSegment change = new ChangeSegment(this.filters, this.segments, this.audiences,
			TestClock.later(Duration.ofHours(1)));

	private final DeleteSegment delete = new DeleteSegment(this.segments, TestClock.fixed());

	private final SegmentCatalog catalog = new SegmentCatalog(this.segments, this.audiences, TestClock.fixed());

	SegmentUseCasesTest() {
		for (int i = 0; i < 25; i++) {
			this.audiences
				.with(new SampleMember(CustomerId.random(), "Gold " + i, "GOLD", List.of(ChatChannel.TELEGRAM)));
		}
		this.audiences.with(new SampleMember(CustomerId.random(), "Silver", "SILVER", List.of()));
	}

	@Test
	void should_preview_the_count_and_a_sample_of_twenty_when_the_filter_is_valid() {
		PreviewOutcome outcome = this.preview.preview(Map.of("tiers", List.of("GOLD"))).block();

		assertThat(outcome).isInstanceOfSatisfying(PreviewOutcome.Previewed.class, (previewed) -> {
			assertThat(previewed.audience().count()).isEqualTo(25);
			assertThat(previewed.audience().sample()).hasSize(20).allMatch((member) -> member.tier().equals("GOLD"));
		});
	}

	@Test
	void should_name_each_wrong_field_and_save_nothing_when_the_name_and_the_filter_are_wrong() {
		SegmentOutcome outcome = this.create
			.create(new SegmentCommand(" ", Map.of("tiers", List.of("PLATINUM"), "colour", "red"), this.marketer))
			.block();

		assertThat(outcome).isInstanceOfSatisfying(SegmentOutcome.Invalid.class,
				(invalid) -> assertThat(invalid.errors()).extracting(FieldError::field)
					.containsExactly("filter.colour", "filter.tiers", "name"));
		assertThat(this.segments.all().collectList().block()).isEmpty();
		assertThat(this.segments.audit()).isEmpty();
	}

	@Test
	void should_refuse_a_store_that_does_not_exist_and_accept_one_that_does() {
		Store store = this.stores.save(StoreFixture.aStore().build());
		UUID unknown = UUID.randomUUID();

		PreviewOutcome outcome = this.preview
			.preview(Map.of("homeStoreIds", List.of(store.id().toString(), unknown.toString())))
			.block();

		assertThat(outcome).isEqualTo(new PreviewOutcome.Invalid(
				List.of(new FieldError("filter.homeStoreIds", "no store has id " + unknown))));
	}

	@Test
	void should_save_with_the_current_count_and_audit_it_when_the_name_is_free() {
		SegmentOutcome outcome = this.create
			.create(new SegmentCommand("  Gold members ", Map.of("tiers", List.of("GOLD")), this.marketer))
			.block();

		assertThat(outcome).isInstanceOfSatisfying(SegmentOutcome.Saved.class, (saved) -> {
			assertThat(saved.count()).isEqualTo(25);
			assertThat(saved.segment().name()).isEqualTo("Gold members");
			assertThat(saved.segment().createdBy()).isEqualTo(this.marketer);
			assertThat(saved.segment().createdAt()).isEqualTo(TestClock.NOW);
		});
		assertThat(this.segments.audit()).singleElement().asString().startsWith("segment.created by " + this.marketer);
	}

	@Test
	void should_answer_name_taken_when_another_segment_has_the_name_in_any_case() {
		this.create.create(new SegmentCommand("Gold", Map.of(), this.marketer)).block();

		this.create.create(new SegmentCommand("GOLD", Map.of(), this.marketer))
			.as(StepVerifier::create)
			.expectNext(new SegmentOutcome.NameTaken("GOLD"))
			.verifyComplete();
	}

	@Test
	void should_require_a_filter_to_create_but_keep_the_filter_on_a_rename() {
		SegmentOutcome missing = this.create.create(new SegmentCommand("No filter", null, this.marketer)).block();
		SegmentId id = saved(
				this.create.create(new SegmentCommand("Gold", Map.of("tiers", List.of("GOLD")), this.marketer))
					.block());
		StaffId admin = StaffId.random();

		SegmentOutcome renamed = this.change.change(id, new SegmentCommand("Gold again", null, admin)).block();

		assertThat(missing).isInstanceOf(SegmentOutcome.Invalid.class);
		assertThat(renamed).isInstanceOfSatisfying(SegmentOutcome.Saved.class, (saved) -> {
			assertThat(saved.segment().name()).isEqualTo("Gold again");
			assertThat(saved.segment().filter()).isEqualTo(SegmentFilter.of(new TierIn(List.of("GOLD"))));
			assertThat(saved.segment().updatedBy()).isEqualTo(admin);
			assertThat(saved.segment().updatedAt()).isEqualTo(TestClock.NOW.plus(Duration.ofHours(1)));
			assertThat(saved.count()).isEqualTo(25);
		});
	}

	@Test
	void should_answer_unknown_when_changing_or_showing_a_segment_that_does_not_exist() {
		SegmentId unknown = SegmentId.random();

		assertThat(this.change.change(unknown, new SegmentCommand("X", Map.of(), this.marketer)).block())
			.isEqualTo(new SegmentOutcome.Unknown(unknown));
		assertThat(this.catalog.show(unknown).block()).isEqualTo(new SegmentOutcome.Unknown(unknown));
		assertThat(this.delete.delete(unknown, this.marketer).block()).isFalse();
		assertThat(this.segments.audit()).isEmpty();
	}

	@Test
	void should_list_segments_by_name_with_their_counts_and_forget_a_deleted_one() {
		SegmentId silver = saved(
				this.create.create(new SegmentCommand("silver", Map.of("tiers", List.of("SILVER")), this.marketer))
					.block());
		saved(this.create.create(new SegmentCommand("Everyone", Map.of(), this.marketer)).block());

		assertThat(this.catalog.list().collectList().block())
			.extracting((saved) -> saved.segment().name() + "=" + saved.count())
			.containsExactly("Everyone=26", "silver=1");
		assertThat(this.delete.delete(silver, this.marketer).block()).isTrue();
		assertThat(this.catalog.list().collectList().block()).hasSize(1);
		assertThat(this.segments.audit()).last().asString().startsWith("segment.deleted by " + this.marketer);
	}

	@Test
	void should_list_one_page_of_segments_with_their_counts_when_a_page_is_asked_for() {
		for (String name : List.of("c", "a", "b")) {
			saved(this.create.create(new SegmentCommand(name, Map.of(), this.marketer)).block());
		}

		assertThat(this.catalog.list(0, 2).collectList().block())
			.extracting((saved) -> saved.segment().name() + "=" + saved.count())
			.containsExactly("a=26", "b=26");
		assertThat(this.catalog.list(1, 2).collectList().block()).extracting((saved) -> saved.segment().name())
			.containsExactly("c");
	}

	private static SegmentId saved(SegmentOutcome outcome) {
		return ((SegmentOutcome.Saved) outcome).segment().id();
	}

}
