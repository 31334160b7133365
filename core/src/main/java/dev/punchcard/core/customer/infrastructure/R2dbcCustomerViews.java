package dev.punchcard.core.customer.infrastructure;

import java.time.Instant;
import java.time.ZoneOffset;

import dev.punchcard.core.customer.application.CustomerView;
import dev.punchcard.core.customer.application.CustomerViews;
import dev.punchcard.core.shared.domain.CustomerId;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

class R2dbcCustomerViews implements CustomerViews {

	private static final String VIEW = "SELECT " + CustomerRows.COLUMNS + """
			, s.code AS store_code, b.balance, cs.rfm_class, cs.churn_risk,
			  (SELECT COALESCE(SUM(p.amount_minor - p.refunded_minor), 0)::bigint FROM purchases p
			   WHERE p.customer_id = c.id AND p.recorded_at > :since) AS net_spend
			FROM customers c
			JOIN points_balances b ON b.customer_id = c.id
			LEFT JOIN stores s ON s.id = c.home_store_id
			LEFT JOIN customer_scores cs ON cs.customer_id = c.id
			WHERE """;

	private final DatabaseClient db;

	R2dbcCustomerViews(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<CustomerView> findById(CustomerId id, Instant spendSince) {
		return find("c.id = :value", id.value(), spendSince);
	}

	@Override
	public Mono<CustomerView> findByCardNumber(long cardNumber, Instant spendSince) {
		return find("c.card_number = :value", cardNumber, spendSince);
	}

	private Mono<CustomerView> find(String condition, Object value, Instant since) {
		return this.db.sql(VIEW + " " + condition)
			.bind("value", value)
			.bind("since", since.atOffset(ZoneOffset.UTC))
			.map((row) -> new CustomerView(CustomerRows.customer(row), row.get("store_code", String.class),
					row.get("balance", Long.class), row.get("net_spend", Long.class),
					row.get("rfm_class", String.class), row.get("churn_risk", String.class)))
			.one();
	}

}
