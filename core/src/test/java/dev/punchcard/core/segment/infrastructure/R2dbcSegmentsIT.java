package dev.punchcard.core.segment.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.core.segment.application.FilterDocument;
import dev.punchcard.core.segment.application.Segment;
import dev.punchcard.core.segment.application.Segments.SegmentWrite;
import dev.punchcard.core.segment.domain.Criterion.LastPurchase;
import dev.punchcard.core.segment.domain.Criterion.RfmClassIn;
import dev.punchcard.core.segment.domain.Criterion.TierIn;
import dev.punchcard.core.segment.domain.RfmClass;
import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.segment.domain.SegmentId;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved segments round-trip their filter, and every change writes its audit row with it.
 */
class R2dbcSegmentsIT {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final SegmentFilter FILTER = SegmentFilter.of(new TierIn(List.of("GOLD")),
			new LastPurchase(30, null), new RfmClassIn(List.of(RfmClass.AT_RISK, RfmClass.CANNOT_LOSE)));

	private DatabaseClient db;

	private R2dbcSegments segments;

	private StaffId staff;

	@BeforeEach
	void emptyTables() {
		this.db = TestDatabases.forModule("core").client();
		this.db.sql("TRUNCATE audit_log, segments, customer_score_runs, staff CASCADE").then().block();
		this.staff = StaffId.random();
		this.db.sql("INSERT INTO staff (id, username, password_hash, role) VALUES (:id, 'm', 'x', 'MARKETER')")
			.bind("id", this.staff.value())
			.then()
			.block();
		this.segments = new R2dbcSegments(this.db, new ObjectMapper(),
				new FilterDocument(List.of("BRONZE", "SILVER", "GOLD"), Set.of("en", "ru")));
	}

	@Test
	void should_store_a_segment_with_its_filter_and_audit_row_in_one_go() {
		Segment segment = segment("Lapsed gold");

		assertThat(this.segments.insert(segment).block()).isEqualTo(new SegmentWrite.Written(segment));

		assertThat(this.segments.find(segment.id()).block()).isEqualTo(segment);
		assertThat(audit("segment.created")).containsExactly(segment.id().toString());
	}

	@Test
	void should_still_load_a_segment_whose_tier_the_configuration_no_longer_has() {
		Segment segment = segment("Lapsed gold");
		this.segments.insert(segment).block();
		R2dbcSegments renamedTiers = new R2dbcSegments(this.db, new ObjectMapper(),
				new FilterDocument(List.of("BRONZE", "SILVER", "PLATINUM"), Set.of("en", "ru")));

		assertThat(renamedTiers.find(segment.id()).block()).isEqualTo(segment);
		assertThat(renamedTiers.all().collectList().block()).containsExactly(segment);
	}

	@Test
	void should_refuse_a_name_another_segment_has_in_any_case_and_audit_nothing() {
		this.segments.insert(segment("Lapsed gold")).block();

		assertThat(this.segments.insert(segment("LAPSED GOLD")).block())
			.isEqualTo(new SegmentWrite.NameTaken("LAPSED GOLD"));
		assertThat(this.segments.all().collectList().block()).hasSize(1);
		assertThat(audit("segment.created")).hasSize(1);
	}

	@Test
	void should_rename_keeping_the_filter_and_replace_the_filter_when_given() {
		Segment segment = segment("Lapsed gold");
		this.segments.insert(segment).block();
		StaffId other = StaffId.random();
		this.db.sql("INSERT INTO staff (id, username, password_hash, role) VALUES (:id, 'a', 'x', 'ADMIN')")
			.bind("id", other.value())
			.then()
			.block();

		SegmentWrite renamed = this.segments.update(segment.id(), "Gold, lapsed", null, other, NOW.plusSeconds(60))
			.block();
		SegmentWrite replaced = this.segments
			.update(segment.id(), "Gold", SegmentFilter.everyone(), other, NOW.plusSeconds(120))
			.block();

		assertThat(renamed).isInstanceOfSatisfying(SegmentWrite.Written.class, (written) -> {
			assertThat(written.segment().filter()).isEqualTo(FILTER);
			assertThat(written.segment().updatedBy()).isEqualTo(other);
			assertThat(written.segment().createdBy()).isEqualTo(this.staff);
		});
		assertThat(replaced).isInstanceOfSatisfying(SegmentWrite.Written.class,
				(written) -> assertThat(written.segment().filter()).isEqualTo(SegmentFilter.everyone()));
		assertThat(audit("segment.updated")).hasSize(2);
		assertThat(this.db
			.sql("SELECT details->'before'->>'name' FROM audit_log WHERE action = 'segment.updated'" + " ORDER BY at")
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block()).containsExactly("Lapsed gold", "Gold, lapsed");
	}

	@Test
	void should_answer_missing_or_name_taken_on_an_update_and_write_nothing() {
		Segment first = segment("One");
		this.segments.insert(first).block();
		this.segments.insert(segment("Two")).block();

		assertThat(this.segments.update(first.id(), "two", null, this.staff, NOW).block())
			.isEqualTo(new SegmentWrite.NameTaken("two"));
		SegmentId unknown = SegmentId.random();
		assertThat(this.segments.update(unknown, "Three", null, this.staff, NOW).block())
			.isEqualTo(new SegmentWrite.Missing(unknown));
		assertThat(this.segments.update(first.id(), "ONE", null, this.staff, NOW).block())
			.as("its own name in another case")
			.isInstanceOf(SegmentWrite.Written.class);
		assertThat(audit("segment.updated")).hasSize(1);
	}

	@Test
	void should_page_segments_by_name_ignoring_case_when_asked_for_a_page() {
		for (String name : List.of("delta", "Alpha", "charlie", "Bravo", "echo")) {
			this.segments.insert(segment(name)).block();
		}

		assertThat(this.segments.page(0, 2).map(Segment::name).collectList().block()).containsExactly("Alpha", "Bravo");
		assertThat(this.segments.page(1, 2).map(Segment::name).collectList().block()).containsExactly("charlie",
				"delta");
		assertThat(this.segments.page(2, 2).map(Segment::name).collectList().block()).containsExactly("echo");
		assertThat(this.segments.page(3, 2).collectList().block()).isEmpty();
	}

	@Test
	void should_delete_with_an_audit_row_and_answer_false_for_an_unknown_segment() {
		Segment segment = segment("Gone soon");
		this.segments.insert(segment).block();

		assertThat(this.segments.delete(segment.id(), this.staff, NOW).block()).isTrue();
		assertThat(this.segments.delete(segment.id(), this.staff, NOW).block()).isFalse();

		assertThat(this.segments.find(segment.id()).block()).isNull();
		assertThat(audit("segment.deleted")).containsExactly(segment.id().toString());
		assertThat(this.db.sql("SELECT details->>'name' FROM audit_log WHERE action = 'segment.deleted'")
			.map((row) -> row.get(0, String.class))
			.one()
			.block()).isEqualTo("Gone soon");
	}

	private Segment segment(String name) {
		return new Segment(SegmentId.random(), name, FILTER, this.staff, NOW, this.staff, NOW);
	}

	private List<String> audit(String action) {
		return this.db.sql("SELECT entity_id FROM audit_log WHERE action = :action AND actor_id IS NOT NULL")
			.bind("action", action)
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block();
	}

}
