package dev.punchcard.core.imports.application;

import java.util.List;

import dev.punchcard.core.card.domain.CodeSignerFixture;
import dev.punchcard.core.customer.domain.PhoneNumbers;
import dev.punchcard.core.imports.domain.CsvHeader;
import dev.punchcard.core.imports.domain.MemberLines;
import dev.punchcard.core.imports.domain.Rejection;
import dev.punchcard.core.imports.domain.SourceLine;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.store.application.InMemoryStores;
import dev.punchcard.core.store.domain.StoreFixture;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class MemberChunksTest {

	private final InMemoryStores stores = new InMemoryStores();

	private final InMemoryMemberImportWrites writes = new InMemoryMemberImportWrites();

	private final MemberChunks chunks = new MemberChunks(new MemberLines(new PhoneNumbers("DE"), "en"), this.stores,
			this.writes, CodeSignerFixture.signer(), "BRONZE", TestClock.fixed());

	private final CsvHeader header = CsvHeader
		.of(List.of("external_id", "name", "phone", "home_store", "consent"), MemberLines.REQUIRED)
		.header();

	@Test
	void should_insert_new_members_and_record_opt_outs_when_the_chunk_is_new() {
		this.stores.save(StoreFixture.aStore().withCode("S1").build());

		ChunkResult result = importChunk(line(2, "M-1", "Anna", "+4915112345601", "S1", "no"),
				line(3, "M-2", "Bob", "", "", "yes"));

		assertThat(result).isEqualTo(new ChunkResult(2, 0, List.of()));
		assertThat(this.writes.externalIds.values()).containsExactly("M-1", "M-2");
		assertThat(this.writes.optedOut).containsExactly("+4915112345601");
	}

	@Test
	void should_change_nothing_and_count_the_lines_unchanged_when_the_chunk_is_imported_again() {
		importChunk(line(2, "M-1", "Anna", "+4915112345601", "", ""));

		ChunkResult again = importChunk(line(2, "M-1", "Anna Renamed", "+4915112345601", "", ""));

		assertThat(again).isEqualTo(new ChunkResult(1, 1, List.of()));
		assertThat(this.writes.members.values()).singleElement()
			.satisfies((member) -> assertThat(member.name()).isEqualTo("Anna"));
	}

	@Test
	void should_give_the_external_id_to_a_member_known_by_phone_and_refuse_a_phone_of_another_member() {
		CustomerId tillMember = this.writes.joinedAtTill("+4915112345677");
		importChunk(line(2, "M-1", "Anna", "+4915112345601", "", ""));

		ChunkResult result = importChunk(line(2, "M-7", "Till", "+4915112345677", "", ""),
				line(3, "M-8", "Other", "+4915112345601", "", ""));

		assertThat(result.accepted()).isEqualTo(1);
		assertThat(this.writes.externalIds.get(tillMember)).isEqualTo("M-7");
		assertThat(result.rejections())
			.containsExactly(new Rejection(3, "phone belongs to another member (external_id M-1)"));
	}

	@Test
	void should_reject_unknown_stores_and_duplicates_within_the_chunk_with_their_lines() {
		ChunkResult result = importChunk(line(2, "M-1", "Anna", "", "NOPE", ""), line(3, "M-2", "Bob", "", "", ""),
				line(4, "M-2", "Bob again", "", "", ""), line(5, "M-3", "Carl", "x", "", ""));

		assertThat(result.accepted()).isEqualTo(1);
		assertThat(result.rejections()).containsExactly(new Rejection(2, "unknown store NOPE"),
				new Rejection(4, "duplicate within the file: external_id as on line 3"),
				new Rejection(5, "bad phone: not a phone number"));
	}

	private ChunkResult importChunk(SourceLine... lines) {
		ChunkResult[] result = new ChunkResult[1];
		this.chunks.importChunk(this.header, List.of(lines), false)
			.as(StepVerifier::create)
			.assertNext((chunk) -> result[0] = chunk)
			.verifyComplete();
		return result[0];
	}

	private static SourceLine line(long lineNo, String... fields) {
		return new SourceLine(lineNo, List.of(fields), 0);
	}

}
