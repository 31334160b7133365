package dev.punchcard.core.points.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.punchcard.core.points.application.LedgerMismatch;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.ExpiryPolicy;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class R2dbcPointsLedger implements PointsLedger {

	// One round trip: the balance moves only if it stays >= 0, and the entry is written
	// only if the balance moved. A positive entry is a lot, stamped with its expiry under
	// the policy in force now.
	private static final String APPEND = """
			WITH moved AS (
			    UPDATE points_balances SET balance = balance + :delta, updated_at = :occurredAt
			    WHERE customer_id = :customerId AND balance + :delta >= 0
			    RETURNING balance
			), entry AS (
			    INSERT INTO points_ledger_entries
			        (id, customer_id, delta, kind, reason, source_type, source_id, occurred_at, created_by,
			         expires_at)
			    SELECT :id, :customerId, :delta, :kind, :reason, :sourceType, :sourceId, :occurredAt, :createdBy,
			           :expiresAt
			    FROM moved
			)
			SELECT balance FROM moved
			""";

	private static final String MISMATCHES = """
			SELECT b.customer_id, b.balance, COALESCE(e.total, 0) AS ledger_sum
			FROM points_balances b
			LEFT JOIN (SELECT customer_id, SUM(delta)::bigint AS total FROM points_ledger_entries GROUP BY customer_id) e
			    ON e.customer_id = b.customer_id
			WHERE b.balance <> COALESCE(e.total, 0)
			UNION ALL
			SELECT e.customer_id, 0::bigint, SUM(e.delta)::bigint
			FROM points_ledger_entries e
			WHERE NOT EXISTS (SELECT 1 FROM points_balances b WHERE b.customer_id = e.customer_id)
			GROUP BY e.customer_id
			""";

	private final DatabaseClient db;

	private final ExpiryPolicy expiry;

	R2dbcPointsLedger(DatabaseClient db, ExpiryPolicy expiry) {
		this.db = db;
		this.expiry = expiry;
	}

	@Override
	public Mono<Points> append(LedgerEntry entry) {
		return this.db.sql(APPEND)
			.bind("id", entry.id())
			.bind("customerId", entry.customerId().value())
			.bind("delta", entry.delta().value())
			.bind("kind", entry.kind().name())
			.bind("reason", entry.reason())
			.bind("sourceType", entry.sourceType())
			.bind("sourceId", entry.sourceId())
			.bind("occurredAt", entry.occurredAt().atOffset(ZoneOffset.UTC))
			.bind("createdBy", Parameter.fromOrEmpty(entry.createdBy(), String.class))
			.bind("expiresAt", Parameter.fromOrEmpty(expiresAt(this.expiry, entry), OffsetDateTime.class))
			.map((row) -> Points.of(row.get("balance", Long.class)))
			.one();
	}

	@Override
	public Mono<Points> lockAccount(CustomerId customerId) {
		return this.db.sql("SELECT balance FROM points_balances WHERE customer_id = :customerId FOR UPDATE")
			.bind("customerId", customerId.value())
			.map((row) -> Points.of(row.get("balance", Long.class)))
			.one();
	}

	@Override
	public Mono<Boolean> hasEntryFrom(String sourceType, String sourceId) {
		return this.db
			.sql("SELECT EXISTS (SELECT 1 FROM points_ledger_entries WHERE source_type = :type AND source_id = :id)")
			.bind("type", sourceType)
			.bind("id", sourceId)
			.map((row) -> row.get(0, Boolean.class))
			.one();
	}

	@Override
	public Mono<Points> balanceOf(CustomerId customerId) {
		return this.db.sql("SELECT balance FROM points_balances WHERE customer_id = :customerId")
			.bind("customerId", customerId.value())
			.map((row) -> Points.of(row.get("balance", Long.class)))
			.one();
	}

	@Override
	public Flux<LedgerEntry> entriesOf(CustomerId customerId, int page, int size) {
		return this.db.sql("""
				SELECT id, customer_id, delta, kind, reason, source_type, source_id, occurred_at, created_by
				FROM points_ledger_entries WHERE customer_id = :customerId
				ORDER BY occurred_at DESC, created_at DESC, id
				LIMIT :size OFFSET :offset
				""")
			.bind("customerId", customerId.value())
			.bind("size", size)
			.bind("offset", (long) page * size)
			.map(R2dbcPointsLedger::entry)
			.all();
	}

	@Override
	public Mono<Long> countEntriesOf(CustomerId customerId) {
		return this.db.sql("SELECT count(*) FROM points_ledger_entries WHERE customer_id = :customerId")
			.bind("customerId", customerId.value())
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	@Override
	public Flux<LedgerMismatch> mismatches() {
		return this.db.sql(MISMATCHES)
			.map((row) -> new LedgerMismatch(new CustomerId(row.get("customer_id", UUID.class)),
					row.get("balance", Long.class), row.get("ledger_sum", Long.class)))
			.all();
	}

	@Override
	public Mono<Long> countBalances() {
		return this.db.sql("SELECT count(*) FROM points_balances").map((row) -> row.get(0, Long.class)).one();
	}

	/** The expiry instant a lot is written with, or null for none. */
	static @Nullable OffsetDateTime expiresAt(ExpiryPolicy policy, LedgerEntry entry) {
		Instant at = policy.expiresAt(entry.delta(), entry.occurredAt());
		return (at == null) ? null : at.atOffset(ZoneOffset.UTC);
	}

	private static LedgerEntry entry(Readable row) {
		return new LedgerEntry(row.get("id", UUID.class), new CustomerId(row.get("customer_id", UUID.class)),
				Points.of(row.get("delta", Long.class)), EntryKind.valueOf(row.get("kind", String.class)),
				row.get("reason", String.class), row.get("source_type", String.class),
				row.get("source_id", String.class), row.get("occurred_at", OffsetDateTime.class).toInstant(),
				row.get("created_by", String.class));
	}

}
