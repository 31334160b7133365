package dev.punchcard.core.customer.application;

import java.time.Instant;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.shared.domain.CustomerId;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Customers} guarantees; run against {@link InMemoryCustomers}
 * ({@code InMemoryCustomersTest}) and against PostgreSQL ({@code R2dbcCustomersIT}).
 */
public abstract class CustomersContract {

	private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

	protected abstract Customers customers();

	/** The customer's balance as the ledger stores it, or null without an account. */
	protected abstract Long balanceOf(CustomerId id);

	@Test
	void should_store_the_customer_with_a_zero_balance_and_find_them_by_id_card_and_referral_code() {
		Customer customer = CustomerFixture.aCustomer().withPhone("+4915112345678").build();

		customers().insertIfPhoneFree(customer).as(StepVerifier::create).expectNext(customer).verifyComplete();

		assertThat(balanceOf(customer.id())).isZero();
		customers().findById(customer.id()).as(StepVerifier::create).expectNext(customer).verifyComplete();
		customers().findByCardNumber(customer.cardNumber())
			.as(StepVerifier::create)
			.expectNext(customer)
			.verifyComplete();
		customers().findByReferralCode(customer.referralCode())
			.as(StepVerifier::create)
			.expectNext(customer)
			.verifyComplete();
	}

	@Test
	void should_complete_empty_and_store_nothing_when_the_phone_number_belongs_to_another_customer() {
		stored(CustomerFixture.aCustomer().withPhone("+4915112345678").build());
		Customer second = CustomerFixture.aCustomer().withPhone("+4915112345678").build();

		customers().insertIfPhoneFree(second).as(StepVerifier::create).verifyComplete();

		customers().findById(second.id()).as(StepVerifier::create).verifyComplete();
		assertThat(balanceOf(second.id())).isNull();
	}

	@Test
	void should_find_the_customer_by_phone_only_with_the_exact_number() {
		Customer customer = stored(CustomerFixture.aCustomer().withPhone("+4915112345678").build());
		stored(CustomerFixture.aCustomer().build());

		customers().findByPhone("+4915112345678").as(StepVerifier::create).expectNext(customer).verifyComplete();
		customers().findByPhone("+4915112345679").as(StepVerifier::create).verifyComplete();
	}

	@Test
	void should_store_any_number_of_customers_when_they_have_no_phone_number() {
		stored(CustomerFixture.aCustomer().build());
		stored(CustomerFixture.aCustomer().build());
	}

	@Test
	void should_error_when_the_card_number_is_taken() {
		Customer first = stored(CustomerFixture.aCustomer().build());

		customers().insertIfPhoneFree(CustomerFixture.aCustomer().withCardNumber(first.cardNumber()).build())
			.as(StepVerifier::create)
			.expectError(DataIntegrityViolationException.class)
			.verify();
	}

	@Test
	void should_mark_the_referral_rewarded_the_first_time_only() {
		Customer referrer = stored(CustomerFixture.aCustomer().build());
		Customer referee = stored(CustomerFixture.aCustomer().referredBy(referrer).build());

		customers().markReferralRewarded(referee.id(), AT).as(StepVerifier::create).expectNext(true).verifyComplete();
		customers().markReferralRewarded(referee.id(), AT).as(StepVerifier::create).expectNext(false).verifyComplete();
		customers().markReferralRewarded(CustomerId.random(), AT)
			.as(StepVerifier::create)
			.expectNext(false)
			.verifyComplete();
	}

	@Test
	void should_show_the_new_tier_when_the_tier_is_changed() {
		Customer customer = stored(CustomerFixture.aCustomer().build());

		customers().changeTier(customer.id(), "BRONZE", "SILVER", 500_00, "PURCHASE", "p-1", AT)
			.as(StepVerifier::create)
			.verifyComplete();
		customers().changeTier(CustomerId.random(), "BRONZE", "SILVER", 500_00, "PURCHASE", "p-2", AT)
			.as(StepVerifier::create)
			.verifyComplete();

		customers().findById(customer.id())
			.map(Customer::tier)
			.as(StepVerifier::create)
			.expectNext("SILVER")
			.verifyComplete();
	}

	@Test
	void should_refuse_a_phone_number_another_customer_has_when_the_phone_is_changed() {
		stored(CustomerFixture.aCustomer().withPhone("+4915112345678").build());
		Customer customer = stored(CustomerFixture.aCustomer().build());

		customers().changePhone(customer.id(), "+4915112345678")
			.as(StepVerifier::create)
			.expectNext(false)
			.verifyComplete();
		customers().changePhone(customer.id(), "+4915187654321")
			.as(StepVerifier::create)
			.expectNext(true)
			.verifyComplete();
	}

	@Test
	void should_find_the_customer_by_the_new_card_only_when_the_card_is_replaced() {
		Customer customer = stored(CustomerFixture.aCustomer().build());
		long newCard = customer.cardNumber() + 1_000_000;

		customers().changeCardNumber(customer.id(), newCard)
			.map(Customer::cardNumber)
			.as(StepVerifier::create)
			.expectNext(newCard)
			.verifyComplete();

		customers().findByCardNumber(customer.cardNumber()).as(StepVerifier::create).verifyComplete();
		customers().findByCardNumber(newCard)
			.map(Customer::id)
			.as(StepVerifier::create)
			.expectNext(customer.id())
			.verifyComplete();
	}

	private Customer stored(Customer customer) {
		customers().insertIfPhoneFree(customer).as(StepVerifier::create).expectNext(customer).verifyComplete();
		return customer;
	}

}
