package dev.punchcard.core.customer.domain;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.support.TestClock;
import org.jspecify.annotations.Nullable;

/**
 * Builds customers for tests: an active BRONZE member with a card, a unique card number
 * and referral code, not referred, by default.
 */
public final class CustomerFixture {

	private static final AtomicLong SEQUENCE = new AtomicLong(1_000);

	private CustomerId id = CustomerId.random();

	private String name = "Ada Lovelace";

	private @Nullable String phone;

	private String language = "en";

	private @Nullable StoreId homeStoreId;

	private String referralCode;

	private @Nullable CustomerId referredBy;

	private CustomerStatus status = CustomerStatus.ACTIVE;

	private long cardNumber;

	private String tier = "BRONZE";

	private Instant createdAt = TestClock.NOW.minusSeconds(30 * 86_400);

	private CustomerFixture() {
		long next = SEQUENCE.incrementAndGet();
		this.cardNumber = next;
		this.referralCode = "REF" + next;
	}

	public static CustomerFixture aCustomer() {
		return new CustomerFixture();
	}

	public CustomerFixture withId(CustomerId id) {
		this.id = id;
		return this;
	}

	public CustomerFixture named(String name) {
		this.name = name;
		return this;
	}

	public CustomerFixture withPhone(String e164) {
		this.phone = e164;
		return this;
	}

	public CustomerFixture withCardNumber(long cardNumber) {
		this.cardNumber = cardNumber;
		return this;
	}

	public CustomerFixture withTier(String tier) {
		this.tier = tier;
		return this;
	}

	public CustomerFixture referredBy(Customer referrer) {
		this.referredBy = referrer.id();
		return this;
	}

	public CustomerFixture blocked() {
		this.status = CustomerStatus.BLOCKED;
		return this;
	}

	public Customer build() {
		return new Customer(this.id, this.name, this.phone, this.language, this.homeStoreId, this.referralCode,
				this.referredBy, this.status, this.cardNumber, this.tier, this.createdAt);
	}

}
