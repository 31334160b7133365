package dev.punchcard.core.customer.infrastructure;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerStatus;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.StoreId;
import io.r2dbc.spi.Readable;

/**
 * How a customer is selected from {@code customers c} and read back, for every adapter
 * whose query returns a customer.
 */
public final class CustomerRows {

	/** The columns {@link #customer(Readable)} reads, of the table aliased {@code c}. */
	public static final String COLUMNS = "c.id, c.name, c.phone, c.language, c.home_store_id, c.referral_code, "
			+ "c.referred_by, c.status, c.card_number, c.tier, c.created_at";

	private CustomerRows() {
	}

	/** The customer in a row selected with {@link #COLUMNS}. */
	public static Customer customer(Readable row) {
		UUID store = row.get("home_store_id", UUID.class);
		UUID referrer = row.get("referred_by", UUID.class);
		return new Customer(new CustomerId(row.get("id", UUID.class)), row.get("name", String.class),
				row.get("phone", String.class), row.get("language", String.class),
				store == null ? null : new StoreId(store), row.get("referral_code", String.class),
				referrer == null ? null : new CustomerId(referrer),
				CustomerStatus.valueOf(row.get("status", String.class)), row.get("card_number", Long.class),
				row.get("tier", String.class), row.get("created_at", OffsetDateTime.class).toInstant());
	}

}
