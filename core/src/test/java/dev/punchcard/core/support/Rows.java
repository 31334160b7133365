package dev.punchcard.core.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.punchcard.core.shared.domain.CustomerId;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/** Rows that adapter ITs need to exist before the rows they test. */
public final class Rows {

	private static final String CUSTOMER = """
			INSERT INTO customers (id, name, referral_code, card_number, created_at)
			VALUES (:id, 'Contract', :code, :card, :at) RETURNING id
			""";

	private Rows() {
	}

	/** Inserts a customer without a points account. */
	public static CustomerId customer(DatabaseClient db) {
		return insertCustomer(db, CUSTOMER);
	}

	/** Inserts a customer with a zero points balance, as enrolment does. */
	public static CustomerId customerWithAccount(DatabaseClient db) {
		return insertCustomer(db, "WITH inserted AS (" + CUSTOMER
				+ ") INSERT INTO points_balances (customer_id, balance) SELECT id, 0 FROM inserted");
	}

	private static CustomerId insertCustomer(DatabaseClient db, String sql) {
		CustomerId customer = CustomerId.random();
		db.sql(sql)
			.bind("id", customer.value())
			.bind("code", "C-" + customer)
			.bind("card", customer.value().getMostSignificantBits() & Long.MAX_VALUE)
			.bind("at", OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		return customer;
	}

}
