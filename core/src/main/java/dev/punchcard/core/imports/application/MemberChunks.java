package dev.punchcard.core.imports.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.customer.application.ReferralCodes;
import dev.punchcard.core.imports.application.MemberImportWrites.KnownMember;
import dev.punchcard.core.imports.application.MemberImportWrites.NewMember;
import dev.punchcard.core.imports.domain.CsvHeader;
import dev.punchcard.core.imports.domain.MemberLines;
import dev.punchcard.core.imports.domain.MemberRow;
import dev.punchcard.core.imports.domain.Rejection;
import dev.punchcard.core.imports.domain.SourceLine;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.store.application.Stores;
import dev.punchcard.core.store.domain.Store;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Imports a chunk of a members file with a few set-based statements: one read of the
 * members already known by the chunk's external ids and phones, one insert of the new
 * ones. A member known by external id is left as stored (a second file with changed names
 * changes nothing: the member may have changed them in the chat since); a member known by
 * phone but without an external id is given it; a phone that belongs to a member with
 * another external id is rejected.
 */
public class MemberChunks implements ImportChunks {

	/** Tries for a new member whose random card number or referral code was taken. */
	static final int INSERT_ATTEMPTS = 3;

	/** A second row of an external id or phone is rejected. */
	private static final List<ChunkRows.Key<MemberRow>> KEYS = List
		.of(new ChunkRows.Key<>("external_id", MemberRow::externalId), new ChunkRows.Key<>("phone", MemberRow::phone));

	private final MemberLines lines;

	private final Stores stores;

	private final MemberImportWrites writes;

	private final CodeSigner codes;

	private final String lowestTier;

	private final Clock clock;

	public MemberChunks(MemberLines lines, Stores stores, MemberImportWrites writes, CodeSigner codes,
			String lowestTier, Clock clock) {
		this.lines = lines;
		this.stores = stores;
		this.writes = writes;
		this.codes = codes;
		this.lowestTier = lowestTier;
		this.clock = clock;
	}

	@Override
	public List<String> requiredColumns() {
		return MemberLines.REQUIRED;
	}

	@Override
	public Mono<ChunkResult> importChunk(CsvHeader header, List<SourceLine> chunk, boolean historical) {
		ChunkRows<MemberRow> read = ChunkRows.read(chunk, (line) -> this.lines.parse(header, line), MemberRow::lineNo,
				KEYS);
		List<Rejection> rejections = read.rejections();
		List<MemberRow> rows = read.rows();
		Set<String> storeCodes = new HashSet<>();
		rows.forEach((row) -> storeCodes.add(Objects.requireNonNullElse(row.homeStore(), "")));
		storeCodes.remove("");
		return Flux.fromIterable(storeCodes)
			.flatMap(this.stores::findByCode)
			.filter(Store::active)
			.collectMap(Store::code, Store::id)
			.zipWith(this.writes
				.find(rows.stream().map(MemberRow::externalId).toList(),
						rows.stream().map(MemberRow::phone).filter(Objects::nonNull).toList())
				.collectList())
			.flatMap((found) -> apply(rows, found.getT1(), found.getT2(), rejections));
	}

	private Mono<ChunkResult> apply(List<MemberRow> rows, Map<String, StoreId> stores, List<KnownMember> known,
			List<Rejection> rejections) {
		Map<String, KnownMember> byExternalId = new HashMap<>();
		Map<String, KnownMember> byPhone = new HashMap<>();
		for (KnownMember member : known) {
			if (member.externalId() != null) {
				byExternalId.put(member.externalId(), member);
			}
			if (member.phone() != null) {
				byPhone.put(member.phone(), member);
			}
		}
		List<MemberRow> unchanged = new ArrayList<>();
		List<MemberRow> toLink = new ArrayList<>();
		List<MemberRow> toInsert = new ArrayList<>();
		for (MemberRow row : rows) {
			KnownMember samePhone = (row.phone() == null) ? null : byPhone.get(row.phone());
			if (row.homeStore() != null && !stores.containsKey(row.homeStore())) {
				rejections.add(new Rejection(row.lineNo(), "unknown store " + row.homeStore()));
			}
			else if (byExternalId.containsKey(row.externalId())) {
				unchanged.add(row);
			}
			else if (samePhone != null && samePhone.externalId() != null) {
				rejections.add(new Rejection(row.lineNo(),
						"phone belongs to another member (external_id " + samePhone.externalId() + ")"));
			}
			else if (samePhone != null) {
				toLink.add(row);
			}
			else {
				toInsert.add(row);
			}
		}
		Instant now = this.clock.instant();
		return Flux.fromIterable(toLink)
			.concatMap((row) -> this.writes.link(byPhone.get(row.phone()).id(), row.externalId()))
			.then(insert(toInsert, stores, now, 1, rejections))
			.flatMap((raced) -> optOut(rows, rejections, now)
				.thenReturn(new ChunkResult(unchanged.size() + toLink.size() + toInsert.size() - raced.failed(),
						unchanged.size() + raced.unchanged(), ChunkRows.sorted(rejections))));
	}

	/**
	 * Inserts the rows; those not inserted are looked up again and tried again with new
	 * serials.
	 */
	private Mono<Raced> insert(List<MemberRow> rows, Map<String, StoreId> stores, Instant now, int attempt,
			List<Rejection> rejections) {
		if (rows.isEmpty()) {
			return Mono.just(new Raced(0, 0));
		}
		List<NewMember> members = rows.stream()
			.map((row) -> new NewMember(CustomerId.random(), row.externalId(), row.name(), row.phone(), row.language(),
					(row.homeStore() == null) ? null : stores.get(row.homeStore()), ReferralCodes.next(),
					this.codes.newSerial()))
			.toList();
		return this.writes.insert(members, this.lowestTier, now)
			.collect(HashSet<String>::new, Set::add)
			.flatMap((inserted) -> {
				List<MemberRow> missed = rows.stream().filter((row) -> !inserted.contains(row.externalId())).toList();
				return missed.isEmpty() ? Mono.just(new Raced(0, 0)) : retry(missed, stores, now, attempt, rejections);
			});
	}

	private Mono<Raced> retry(List<MemberRow> missed, Map<String, StoreId> stores, Instant now, int attempt,
			List<Rejection> rejections) {
		return this.writes
			.find(missed.stream().map(MemberRow::externalId).toList(),
					missed.stream().map(MemberRow::phone).filter(Objects::nonNull).toList())
			.collectList()
			.flatMap((known) -> {
				Set<String> knownIds = new HashSet<>();
				Set<String> knownPhones = new HashSet<>();
				known.forEach((member) -> {
					knownIds.add(String.valueOf(member.externalId()));
					knownPhones.add(String.valueOf(member.phone()));
				});
				// stored meanwhile by another import or a till: there now, nothing to do
				long there = missed.stream().filter((row) -> knownIds.contains(row.externalId())).count();
				List<MemberRow> phoneTaken = missed.stream()
					.filter((row) -> !knownIds.contains(row.externalId()) && knownPhones.contains(row.phone()))
					.toList();
				phoneTaken.forEach((row) -> rejections
					.add(new Rejection(row.lineNo(), "phone belongs to another member (joined meanwhile)")));
				List<MemberRow> again = missed.stream()
					.filter((row) -> !knownIds.contains(row.externalId()) && !knownPhones.contains(row.phone()))
					.toList();
				if (attempt >= INSERT_ATTEMPTS) {
					again.forEach((row) -> rejections
						.add(new Rejection(row.lineNo(), "could not be stored, import it again")));
					return Mono.just(new Raced(there, phoneTaken.size() + again.size()));
				}
				return insert(again, stores, now, attempt + 1, rejections)
					.map((next) -> new Raced(there + next.unchanged(), phoneTaken.size() + next.failed()));
			});
	}

	private Mono<Void> optOut(List<MemberRow> rows, List<Rejection> rejections, Instant now) {
		Set<Long> refused = new HashSet<>();
		rejections.forEach((rejection) -> refused.add(rejection.lineNo()));
		List<String> phones = rows.stream()
			.filter((row) -> Boolean.TRUE.equals(row.optedOut()) && row.phone() != null
					&& !refused.contains(row.lineNo()))
			.map(MemberRow::phone)
			.toList();
		return phones.isEmpty() ? Mono.empty() : this.writes.optOut(phones, now);
	}

	/**
	 * Of the rows an insert missed: how many were there already, and how many were
	 * rejected.
	 */
	private record Raced(long unchanged, long failed) {
	}

}
