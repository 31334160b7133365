package dev.punchcard.core.segment.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.punchcard.core.shared.domain.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;

/** Writes a small known population for segment ITs straight into the tables. */
final class Population {

	private final DatabaseClient db;

	private final Instant now;

	Population(DatabaseClient db, Instant now) {
		this.db = db;
		this.now = now;
	}

	StoreId store(String code) {
		UUID id = UUID.randomUUID();
		this.db.sql("INSERT INTO stores (id, code, name) VALUES (:id, :code, :code)")
			.bind("id", id)
			.bind("code", code)
			.then()
			.block();
		return new StoreId(id);
	}

	Member member(String name) {
		UUID id = UUID.randomUUID();
		this.db.sql("""
				INSERT INTO customers (id, name, referral_code, card_number, created_at)
				VALUES (:id, :name, :code, :card, :at);
				""")
			.bind("id", id)
			.bind("name", name)
			.bind("code", "R-" + id)
			.bind("card", id.getMostSignificantBits() & Long.MAX_VALUE)
			.bind("at", OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
			.then()
			.block();
		this.db.sql("INSERT INTO points_balances (customer_id, balance) VALUES (:id, 0)").bind("id", id).then().block();
		return new Member(id);
	}

	/** A member of the population, changed column by column. */
	final class Member {

		final UUID id;

		private StoreId lastStore;

		Member(UUID id) {
			this.id = id;
		}

		Member set(String column, Object value) {
			Population.this.db.sql("UPDATE customers SET " + column + " = :value WHERE id = :id")
				.bind("value", value)
				.bind("id", this.id)
				.then()
				.block();
			return this;
		}

		Member joined(String instant) {
			return set("created_at", OffsetDateTime.parse(instant));
		}

		Member balance(long points) {
			Population.this.db.sql("UPDATE points_balances SET balance = :points WHERE customer_id = :id")
				.bind("points", points)
				.bind("id", this.id)
				.then()
				.block();
			return this;
		}

		Member chat(String channel, boolean reachable) {
			Population.this.db.sql("""
					INSERT INTO channel_identities (id, customer_id, channel, external_id, chat_id, reachable)
					VALUES (:id, :customer, :channel, :external, :external, :reachable)
					""")
				.bind("id", UUID.randomUUID())
				.bind("customer", this.id)
				.bind("channel", channel)
				.bind("external", UUID.randomUUID().toString())
				.bind("reachable", reachable)
				.then()
				.block();
			return this;
		}

		/**
		 * {@code count} purchases of {@code amount}, the last {@code lastDaysAgo}, every
		 * {@code gapDays}.
		 */
		Member purchases(int count, int lastDaysAgo, int gapDays, long amount, StoreId store) {
			for (int i = 0; i < count; i++) {
				purchase(lastDaysAgo + i * gapDays, amount, 0, store);
			}
			return this;
		}

		UUID purchase(double daysAgo, long amount, long refunded, StoreId store) {
			UUID purchase = UUID.randomUUID();
			Population.this.db.sql("""
					INSERT INTO purchases (id, customer_id, store_id, receipt_no, amount_minor, currency, points_earned,
					                       tier_at_purchase, refunded_minor, balance_after, tier_after, recorded_at)
					VALUES (:id, :customer, :store, :receipt, :amount, 'EUR', 0, 'BRONZE', :refunded, 0, 'BRONZE', :at)
					""")
				.bind("id", purchase)
				.bind("customer", this.id)
				.bind("store", store.value())
				.bind("receipt", purchase.toString())
				.bind("amount", amount)
				.bind("refunded", refunded)
				.bind("at",
						Population.this.now.minus(Duration.ofMinutes(Math.round(daysAgo * 24 * 60)))
							.atOffset(ZoneOffset.UTC))
				.then()
				.block();
			this.lastStore = store;
			return purchase;
		}

		/** A purchase {@code daysAgo} with one item per (category, sku, spend) triple. */
		Member items(double daysAgo, long refunded, @Nullable Object... items) {
			long total = 0;
			for (int i = 2; i < items.length; i += 3) {
				total += (Long) items[i];
			}
			UUID purchase = purchase(daysAgo, total, refunded, this.lastStore);
			for (int i = 0; i < items.length; i += 3) {
				Population.this.db.sql("""
						INSERT INTO purchase_items (purchase_id, line_no, sku, category, quantity, unit_price_minor)
						VALUES (:purchase, :line, :sku, :category, 1, :price)
						""")
					.bind("purchase", purchase)
					.bind("line", i / 3 + 1)
					.bind("sku", items[i + 1])
					.bind("category", items[i])
					.bind("price", items[i + 2])
					.then()
					.block();
			}
			return this;
		}

		Member store(StoreId store) {
			this.lastStore = store;
			return this;
		}

	}

}
