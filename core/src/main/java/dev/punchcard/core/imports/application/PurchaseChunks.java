package dev.punchcard.core.imports.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.imports.application.ImportCustomers.CardHolder;
import dev.punchcard.core.imports.domain.CsvHeader;
import dev.punchcard.core.imports.domain.CustomerKey;
import dev.punchcard.core.imports.domain.PurchaseLines;
import dev.punchcard.core.imports.domain.PurchaseRow;
import dev.punchcard.core.imports.domain.Rejection;
import dev.punchcard.core.imports.domain.SourceLine;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.purchase.application.PurchaseOutcome;
import dev.punchcard.core.purchase.application.RecordHistoricalPurchase;
import dev.punchcard.core.purchase.application.RecordPurchase;
import dev.punchcard.core.purchase.application.RecordPurchaseCommand;
import dev.punchcard.core.shared.domain.Money;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Imports a chunk of a purchases file: one read of the card numbers of the customers the
 * chunk names by external id or phone, then the purchases through the purchase feature's
 * own use cases: each through {@link RecordPurchase}, a few at a time (points, tiers,
 * ledger, balance and notification exactly as a till's purchase) or, for a historical
 * import, the whole chunk at once through {@link RecordHistoricalPurchase#recordAll} (a
 * few statements per chunk). Both are idempotent per (store, receipt number), so a
 * receipt imported twice, or recorded live before, changes nothing.
 */
public class PurchaseChunks implements ImportChunks {

	/** A second row of a (store, receipt) is rejected. */
	private static final List<ChunkRows.Key<PurchaseRow>> KEYS = List
		.of(new ChunkRows.Key<>("store and receipt_no", (row) -> row.storeCode() + "\n" + row.receiptNo()));

	private final PurchaseLines lines;

	private final ImportCustomers customers;

	private final CodeSigner codes;

	private final RecordPurchase recordPurchase;

	private final RecordHistoricalPurchase recordHistorical;

	private final LoyaltyProgram program;

	private final int concurrency;

	private final Predicate<Throwable> transientError;

	private final Clock clock;

	public PurchaseChunks(PurchaseLines lines, ImportCustomers customers, CodeSigner codes,
			RecordPurchase recordPurchase, RecordHistoricalPurchase recordHistorical, LoyaltyProgram program,
			int concurrency, Predicate<Throwable> transientError, Clock clock) {
		this.lines = lines;
		this.customers = customers;
		this.codes = codes;
		this.recordPurchase = recordPurchase;
		this.recordHistorical = recordHistorical;
		this.program = program;
		this.concurrency = concurrency;
		this.transientError = transientError;
		this.clock = clock;
	}

	@Override
	public List<String> requiredColumns() {
		return PurchaseLines.REQUIRED;
	}

	@Override
	public Mono<ChunkResult> importChunk(CsvHeader header, List<SourceLine> chunk, boolean historical) {
		Instant now = this.clock.instant();
		ChunkRows<PurchaseRow> read = ChunkRows.read(chunk, (line) -> this.lines.parse(header, line, now),
				PurchaseRow::lineNo, KEYS);
		List<Rejection> rejections = read.rejections();
		List<PurchaseRow> rows = read.rows();
		List<String> externalIds = new ArrayList<>();
		List<String> phones = new ArrayList<>();
		for (PurchaseRow row : rows) {
			switch (row.customer()) {
				case CustomerKey.ExternalId id -> externalIds.add(id.value());
				case CustomerKey.Phone phone -> phones.add(phone.value());
				case CustomerKey.CardCode card -> {
				}
			}
		}
		Mono<List<CardHolder>> holders = (externalIds.isEmpty() && phones.isEmpty()) ? Mono.just(List.of())
				: this.customers.cardHolders(externalIds, phones).collectList();
		return holders.flatMap((found) -> historical ? recordHistorical(rows, cards(found), rejections)
				: record(rows, cards(found), rejections));
	}

	private static Map<String, Long> cards(List<CardHolder> holders) {
		Map<String, Long> cards = new HashMap<>();
		for (CardHolder holder : holders) {
			if (holder.externalId() != null) {
				cards.put("id:" + holder.externalId(), holder.cardNumber());
			}
			if (holder.phone() != null) {
				cards.put("phone:" + holder.phone(), holder.cardNumber());
			}
		}
		return cards;
	}

	/**
	 * Each customer's purchases one after the other in time order (their tier moves as it
	 * did), different customers' at once.
	 */
	private Mono<ChunkResult> record(List<PurchaseRow> rows, Map<String, Long> cards, List<Rejection> rejections) {
		Map<Object, List<PurchaseRow>> byCustomer = new LinkedHashMap<>();
		for (PurchaseRow row : rows) {
			byCustomer.computeIfAbsent(customerOf(row.customer(), cards), (key) -> new ArrayList<>()).add(row);
		}
		return Flux.fromIterable(byCustomer.values())
			.flatMap((purchases) -> Flux.fromIterable(purchases)
				.sort(Comparator.comparing(PurchaseRow::at))
				.concatMap((row) -> recordOne(row, cards)), this.concurrency)
			.collectList()
			.map((results) -> tally(results, rejections));
	}

	/**
	 * History changes no balance or tier, so the order of a customer's purchases does not
	 * matter: the chunk is recorded at once, a few statements for all its rows.
	 */
	private Mono<ChunkResult> recordHistorical(List<PurchaseRow> rows, Map<String, Long> cards,
			List<Rejection> rejections) {
		List<PurchaseRow> known = new ArrayList<>(rows.size());
		List<RecordPurchaseCommand> commands = new ArrayList<>(rows.size());
		for (PurchaseRow row : rows) {
			String cardCode = cardCode(row.customer(), cards);
			if (cardCode == null) {
				rejections.add(new Rejection(row.lineNo(), "unknown customer " + describe(row.customer())));
			}
			else {
				known.add(row);
				commands.add(command(row, cardCode));
			}
		}
		return Mono.defer(() -> this.recordHistorical.recordAll(commands))
			.retryWhen(Retry.backoff(5, Duration.ofMillis(20)).filter(this.transientError))
			.map((outcomes) -> {
				List<RowOutcome> results = new ArrayList<>(outcomes.size());
				for (int i = 0; i < outcomes.size(); i++) {
					results.add(of(known.get(i), outcomes.get(i)));
				}
				return tally(results, rejections);
			});
	}

	private RecordPurchaseCommand command(PurchaseRow row, String cardCode) {
		return new RecordPurchaseCommand(cardCode, row.storeCode(), row.receiptNo(),
				new Money(row.amountMinor(), this.program.currency()), row.items(), null, row.at());
	}

	private static ChunkResult tally(List<RowOutcome> results, List<Rejection> rejections) {
		long accepted = 0;
		long unchanged = 0;
		for (RowOutcome result : results) {
			if (result.rejection() != null) {
				rejections.add(result.rejection());
			}
			else {
				accepted++;
				unchanged += result.unchanged() ? 1 : 0;
			}
		}
		return new ChunkResult(accepted, unchanged, ChunkRows.sorted(rejections));
	}

	private Mono<RowOutcome> recordOne(PurchaseRow row, Map<String, Long> cards) {
		String cardCode = cardCode(row.customer(), cards);
		if (cardCode == null) {
			return Mono.just(RowOutcome.refused(row, "unknown customer " + describe(row.customer())));
		}
		RecordPurchaseCommand command = command(row, cardCode);
		Mono<PurchaseOutcome> outcome = this.recordPurchase.record(command);
		// PostgreSQL may break a deadlock with a till's live purchase of the same member
		// by
		// failing one side: that purchase is tried again, it was not written
		return outcome.retryWhen(Retry.backoff(5, Duration.ofMillis(20)).filter(this.transientError))
			.map((result) -> of(row, result));
	}

	/**
	 * Who the row's customer is, to keep their rows in order: a card number, or the key
	 * itself.
	 */
	private static Object customerOf(CustomerKey key, Map<String, Long> cards) {
		Long cardNumber = switch (key) {
			case CustomerKey.CardCode card -> null;
			case CustomerKey.ExternalId id -> cards.get("id:" + id.value());
			case CustomerKey.Phone phone -> cards.get("phone:" + phone.value());
		};
		return (cardNumber == null) ? key : cardNumber;
	}

	private @Nullable String cardCode(CustomerKey key, Map<String, Long> cards) {
		return switch (key) {
			case CustomerKey.CardCode card -> card.value();
			case CustomerKey.ExternalId id -> signed(cards.get("id:" + id.value()));
			case CustomerKey.Phone phone -> signed(cards.get("phone:" + phone.value()));
		};
	}

	/**
	 * The live path verifies a signed card code: the member's current one, signed here.
	 */
	private @Nullable String signed(@Nullable Long cardNumber) {
		return (cardNumber == null) ? null : this.codes.sign(CodePurpose.CARD, cardNumber);
	}

	private static String describe(CustomerKey key) {
		return switch (key) {
			case CustomerKey.ExternalId id -> "(customer_external_id " + id.value() + ")";
			case CustomerKey.Phone phone -> "(no member has this phone)";
			case CustomerKey.CardCode card -> "(card_code)";
		};
	}

	private static RowOutcome of(PurchaseRow row, PurchaseOutcome outcome) {
		return switch (outcome) {
			case PurchaseOutcome.Credited credited -> new RowOutcome(null, false);
			case PurchaseOutcome.AlreadyRecorded again -> new RowOutcome(null, true);
			case PurchaseOutcome.ReceiptConflict conflict -> RowOutcome.refused(row, "receipt " + row.receiptNo()
					+ " was already recorded at store " + row.storeCode() + " with another customer or amount");
			case PurchaseOutcome.UnknownCard unknown ->
				RowOutcome.refused(row, (row.customer() instanceof CustomerKey.CardCode)
						? "unknown card_code: not valid or replaced" : "unknown customer " + describe(row.customer()));
			case PurchaseOutcome.UnknownStore unknown -> RowOutcome.refused(row, "unknown store " + row.storeCode());
			case PurchaseOutcome.WrongCurrency wrong -> RowOutcome.refused(row, "amount not in " + wrong.expected());
			case PurchaseOutcome.CustomerBlocked blocked -> RowOutcome.refused(row, "the membership is blocked");
		};
	}

	/**
	 * What became of one row: rejected, or accepted (and whether it was there already).
	 */
	private record RowOutcome(@Nullable Rejection rejection, boolean unchanged) {

		static RowOutcome refused(PurchaseRow row, String reason) {
			return new RowOutcome(new Rejection(row.lineNo(), reason), false);
		}

	}

}
