package dev.punchcard.core.customer.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.punchcard.core.customer.application.Customers;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.StoreId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class R2dbcCustomers implements Customers {

	static final String COLUMNS = CustomerRows.COLUMNS;

	// the customer and their zero balance row in one statement
	private static final String INSERT = """
			WITH inserted AS (
			    INSERT INTO customers (id, name, phone, language, home_store_id, referral_code, referred_by, status,
			                           card_number, tier, created_at)
			    VALUES (:id, :name, :phone, :language, :homeStoreId, :referralCode, :referredBy, :status,
			            :cardNumber, :tier, :createdAt)
			    ON CONFLICT ON CONSTRAINT customers_phone_key DO NOTHING
			    RETURNING id
			)
			INSERT INTO points_balances (customer_id, balance) SELECT id, 0 FROM inserted
			""";

	private final DatabaseClient db;

	R2dbcCustomers(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Customer> insertIfPhoneFree(Customer customer) {
		return this.db.sql(INSERT)
			.bind("id", customer.id().value())
			.bind("name", customer.name())
			.bind("phone", Parameter.fromOrEmpty(customer.phone(), String.class))
			.bind("language", customer.language())
			.bind("homeStoreId", Parameter.fromOrEmpty(uuid(customer.homeStoreId()), UUID.class))
			.bind("referralCode", customer.referralCode())
			.bind("referredBy",
					Parameter.fromOrEmpty(customer.referredBy() == null ? null : customer.referredBy().value(),
							UUID.class))
			.bind("status", customer.status().name())
			.bind("cardNumber", customer.cardNumber())
			.bind("tier", customer.tier())
			.bind("createdAt", customer.createdAt().atOffset(ZoneOffset.UTC))
			.fetch()
			.rowsUpdated()
			.filter((inserted) -> inserted == 1L)
			.map((inserted) -> customer);
	}

	@Override
	public Mono<Customer> findById(CustomerId id) {
		return findWhere("c.id = :value", id.value());
	}

	@Override
	public Mono<Customer> findByCardNumber(long cardNumber) {
		return findWhere("c.card_number = :value", cardNumber);
	}

	@Override
	public Mono<Customer> findByPhone(String e164) {
		return findWhere("c.phone = :value", e164);
	}

	@Override
	public Flux<Customer> findByNamePrefix(String prefix, int limit) {
		// lower(name) LIKE 'prefix%' with text_pattern_ops uses
		// customers_name_prefix_idx;
		// the prefix's own % and _ are escaped so they match themselves
		String pattern = prefix.toLowerCase(java.util.Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_") + "%";
		return this.db
			.sql("SELECT " + COLUMNS
					+ " FROM customers c WHERE lower(c.name) LIKE :pattern ORDER BY lower(c.name), c.id LIMIT :limit")
			.bind("pattern", pattern)
			.bind("limit", limit)
			.map(CustomerRows::customer)
			.all();
	}

	@Override
	public Mono<Customer> findByReferralCode(String referralCode) {
		return findWhere("c.referral_code = :value", referralCode);
	}

	@Override
	public Mono<Customer> changeCardNumber(CustomerId id, long cardNumber) {
		return this.db.sql("UPDATE customers c SET card_number = :cardNumber WHERE c.id = :id RETURNING " + COLUMNS)
			.bind("cardNumber", cardNumber)
			.bind("id", id.value())
			.map(CustomerRows::customer)
			.one();
	}

	@Override
	public Mono<Void> changeTier(CustomerId id, String fromTier, String toTier, long netSpendMinor, String causeType,
			String causeId, Instant at) {
		return this.db.sql("""
				WITH changed AS (
				    UPDATE customers SET tier = :toTier WHERE id = :customerId AND tier = :fromTier RETURNING id
				)
				INSERT INTO tier_changes (id, customer_id, from_tier, to_tier, net_spend_minor, cause_type, cause_id,
				                          changed_at)
				SELECT :id, id, :fromTier, :toTier, :netSpend, :causeType, :causeId, :at FROM changed
				""")
			.bind("id", UUID.randomUUID())
			.bind("customerId", id.value())
			.bind("fromTier", fromTier)
			.bind("toTier", toTier)
			.bind("netSpend", netSpendMinor)
			.bind("causeType", causeType)
			.bind("causeId", causeId)
			.bind("at", at.atOffset(ZoneOffset.UTC))
			.then();
	}

	@Override
	public Mono<Boolean> changePhone(CustomerId id, String e164) {
		return this.db.sql("""
				UPDATE customers SET phone = :phone WHERE id = :id
				AND NOT EXISTS (SELECT 1 FROM customers other WHERE other.phone = :phone AND other.id <> :id)
				""")
			.bind("phone", e164)
			.bind("id", id.value())
			.fetch()
			.rowsUpdated()
			.map((updated) -> updated == 1L)
			.onErrorResume(DuplicateKeyException.class, (raced) -> Mono.just(false));
	}

	@Override
	public Mono<Boolean> changeLanguage(CustomerId id, String language) {
		return this.db.sql("UPDATE customers SET language = :language WHERE id = :id")
			.bind("language", language)
			.bind("id", id.value())
			.fetch()
			.rowsUpdated()
			.map((updated) -> updated == 1L);
	}

	@Override
	public Mono<Boolean> markReferralRewarded(CustomerId id, Instant at) {
		return this.db
			.sql("UPDATE customers SET referral_rewarded_at = :at WHERE id = :id AND referral_rewarded_at IS NULL")
			.bind("at", at.atOffset(ZoneOffset.UTC))
			.bind("id", id.value())
			.fetch()
			.rowsUpdated()
			.map((updated) -> updated == 1L);
	}

	private Mono<Customer> findWhere(String condition, Object value) {
		return this.db.sql("SELECT " + COLUMNS + " FROM customers c WHERE " + condition)
			.bind("value", value)
			.map(CustomerRows::customer)
			.one();
	}

	private static UUID uuid(StoreId id) {
		return id == null ? null : id.value();
	}

}
