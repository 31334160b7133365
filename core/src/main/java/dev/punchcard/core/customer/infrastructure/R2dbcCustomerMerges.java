package dev.punchcard.core.customer.infrastructure;

import java.util.Optional;
import java.util.UUID;

import dev.punchcard.core.customer.application.CustomerMerges;
import dev.punchcard.core.shared.domain.CustomerId;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Retires a member without history by deleting it: the row is locked first (a purchase or
 * a voucher for it waits, or it is seen), and the foreign keys of every table that
 * records history make the delete fail (and the caller's transaction roll back) should
 * anything still refer to it.
 */
class R2dbcCustomerMerges implements CustomerMerges {

	// FOR UPDATE conflicts with the KEY SHARE lock a referencing insert takes
	private static final String LOCK_UNUSED = """
			SELECT c.phone FROM customers c
			WHERE c.id = :from AND c.id <> :into
			  AND EXISTS (SELECT 1 FROM customers i WHERE i.id = :into)
			  AND NOT EXISTS (SELECT 1 FROM purchases p WHERE p.customer_id = c.id)
			  AND NOT EXISTS (SELECT 1 FROM points_ledger_entries e WHERE e.customer_id = c.id)
			  AND NOT EXISTS (SELECT 1 FROM vouchers v WHERE v.customer_id = c.id)
			  AND NOT EXISTS (SELECT 1 FROM tier_changes t WHERE t.customer_id = c.id)
			  AND NOT EXISTS (SELECT 1 FROM customers r WHERE r.referred_by = c.id)
			  AND NOT EXISTS (SELECT 1 FROM points_balances b WHERE b.customer_id = c.id AND b.balance <> 0)
			FOR UPDATE OF c
			""";

	private static final String MOVE = """
			WITH identities AS (
			    UPDATE channel_identities SET customer_id = :into WHERE customer_id = :from
			)
			UPDATE notification_outbox SET customer_id = :into WHERE customer_id = :from
			""";

	private static final String DELETE = """
			WITH balance AS (
			    DELETE FROM points_balances WHERE customer_id = :from AND balance = 0
			)
			DELETE FROM customers WHERE id = :from
			""";

	private static final String TAKE_PHONE = "UPDATE customers SET phone = :phone WHERE id = :into AND phone IS NULL";

	private final DatabaseClient db;

	R2dbcCustomerMerges(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Boolean> mergeIfUnused(CustomerId from, CustomerId into) {
		return this.db.sql(LOCK_UNUSED)
			.bind("from", from.value())
			.bind("into", into.value())
			.map((row) -> Optional.ofNullable(row.get("phone", String.class)))
			.one()
			.flatMap((phone) -> merge(from.value(), into.value(), phone))
			.defaultIfEmpty(false);
	}

	private Mono<Boolean> merge(UUID from, UUID into, Optional<String> phone) {
		return this.db.sql(MOVE)
			.bind("from", from)
			.bind("into", into)
			.then()
			.then(this.db.sql(DELETE).bind("from", from).then())
			.then(phone.map((number) -> this.db.sql(TAKE_PHONE).bind("phone", number).bind("into", into).then())
				.orElse(Mono.empty()))
			.thenReturn(true);
	}

}
