package dev.punchcard.core.reward.application;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.reward.domain.RewardFixture;
import dev.punchcard.core.reward.domain.Voucher;
import dev.punchcard.core.reward.domain.VoucherStatus;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.RewardId;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.shared.domain.VoucherId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Rewards} and {@link Vouchers} guarantee; run against the in-memory
 * fakes ({@code InMemoryRewardsAndVouchersTest}) and against PostgreSQL
 * ({@code R2dbcRewardsAndVouchersIT}).
 */
public abstract class RewardsAndVouchersContract {

	private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

	private static final AtomicLong SERIALS = new AtomicLong(1_000);

	protected abstract Rewards rewards();

	protected abstract Vouchers vouchers();

	/** A stored customer. */
	protected abstract CustomerId aCustomer();

	/** A stored staff member who may honour vouchers. */
	protected abstract StaffId aCashier();

	@Test
	void should_take_one_unit_until_none_is_left_when_the_stock_is_counted() {
		Reward mug = stored(RewardFixture.aReward().withStock(2).build());

		for (boolean expected : new boolean[] { true, true, false, false }) {
			rewards().takeOne(mug.id()).as(StepVerifier::create).expectNext(expected).verifyComplete();
		}

		assertThat(stockOf(mug.id())).isZero();
	}

	@Test
	void should_always_take_one_and_keep_the_stock_unlimited_when_it_is_not_counted() {
		Reward pen = stored(RewardFixture.aReward().build());

		rewards().takeOne(pen.id()).as(StepVerifier::create).expectNext(true).verifyComplete();

		assertThat(stockOf(pen.id())).isNull();
	}

	@Test
	void should_take_nothing_when_the_reward_is_inactive_or_unknown() {
		Reward retired = stored(RewardFixture.aReward().withStock(3).inactive().build());

		rewards().takeOne(retired.id()).as(StepVerifier::create).expectNext(false).verifyComplete();
		rewards().takeOne(RewardId.random()).as(StepVerifier::create).expectNext(false).verifyComplete();

		assertThat(stockOf(retired.id())).isEqualTo(3);
	}

	@Test
	void should_put_a_unit_back_to_a_counted_stock_even_when_the_reward_is_inactive() {
		Reward retired = stored(RewardFixture.aReward().withStock(0).inactive().build());
		Reward pen = stored(RewardFixture.aReward().build());

		rewards().giveBackOne(retired.id()).as(StepVerifier::create).verifyComplete();
		rewards().giveBackOne(pen.id()).as(StepVerifier::create).verifyComplete();

		assertThat(stockOf(retired.id())).isEqualTo(1);
		assertThat(stockOf(pen.id())).isNull();
	}

	@Test
	void should_list_the_cheapest_first_and_only_active_ones_when_asked() {
		Reward bike = stored(RewardFixture.aReward().named("Bike").costing(900).build());
		Reward coffee = stored(RewardFixture.aReward().named("Coffee").costing(30).build());
		stored(RewardFixture.aReward().named("Retired").costing(10).inactive().build());

		rewards().all(true).as(StepVerifier::create).expectNext(coffee, bike).verifyComplete();
		rewards().all(false)
			.map(Reward::name)
			.as(StepVerifier::create)
			.expectNext("Retired", "Coffee", "Bike")
			.verifyComplete();
	}

	@Test
	void should_complete_empty_when_an_unknown_reward_is_updated() {
		rewards().update(RewardFixture.aReward().build()).as(StepVerifier::create).verifyComplete();
	}

	@Test
	void should_read_back_the_voucher_by_serial_and_by_its_customer_s_request_key() {
		Voucher voucher = issued(aCustomer(), "tap-1");

		vouchers().findBySerial(voucher.serial()).as(StepVerifier::create).expectNext(voucher).verifyComplete();
		vouchers().findByRequestKey(voucher.customerId(), "tap-1")
			.as(StepVerifier::create)
			.expectNext(voucher)
			.verifyComplete();
		vouchers().findByRequestKey(aCustomer(), "tap-1").as(StepVerifier::create).verifyComplete();
	}

	@Test
	void should_error_when_a_customer_s_request_key_issues_a_second_voucher() {
		CustomerId customer = aCustomer();
		Reward reward = stored(RewardFixture.aReward().build());
		issued(customer, reward, "tap-1");

		vouchers().insert(voucher(customer, reward, "tap-1"))
			.as(StepVerifier::create)
			.expectError(DataIntegrityViolationException.class)
			.verify();
	}

	@Test
	void should_issue_any_number_of_vouchers_when_they_carry_no_request_key() {
		CustomerId customer = aCustomer();
		Reward reward = stored(RewardFixture.aReward().build());

		issued(customer, reward, null);
		issued(customer, reward, null);
	}

	@Test
	void should_error_when_a_serial_is_issued_twice() {
		CustomerId customer = aCustomer();
		Reward reward = stored(RewardFixture.aReward().build());
		Voucher first = issued(customer, reward, null);

		vouchers()
			.insert(new Voucher(VoucherId.random(), first.serial(), customer, reward.id(), 30, VoucherStatus.ISSUED,
					null, AT, null))
			.as(StepVerifier::create)
			.expectError(DataIntegrityViolationException.class)
			.verify();
	}

	@Test
	void should_honour_once_when_an_issued_voucher_is_marked_honoured_twice() {
		Voucher voucher = issued(aCustomer(), null);
		StaffId cashier = aCashier();

		vouchers().markHonoured(voucher.serial(), cashier, AT.plusSeconds(60))
			.as(StepVerifier::create)
			.assertNext((honoured) -> {
				assertThat(honoured.status()).isEqualTo(VoucherStatus.HONOURED);
				assertThat(honoured.honouredAt()).isEqualTo(AT.plusSeconds(60));
			})
			.verifyComplete();
		vouchers().markHonoured(voucher.serial(), cashier, AT.plusSeconds(120))
			.as(StepVerifier::create)
			.verifyComplete();
		vouchers().markCancelled(voucher.serial(), AT.plusSeconds(180)).as(StepVerifier::create).verifyComplete();

		vouchers().findBySerial(voucher.serial())
			.map(Voucher::honouredAt)
			.as(StepVerifier::create)
			.expectNext(AT.plusSeconds(60))
			.verifyComplete();
	}

	@Test
	void should_cancel_once_and_never_honour_when_an_issued_voucher_is_cancelled() {
		Voucher voucher = issued(aCustomer(), null);

		vouchers().markCancelled(voucher.serial(), AT)
			.map(Voucher::status)
			.as(StepVerifier::create)
			.expectNext(VoucherStatus.CANCELLED)
			.verifyComplete();
		vouchers().markCancelled(voucher.serial(), AT).as(StepVerifier::create).verifyComplete();
		vouchers().markHonoured(voucher.serial(), aCashier(), AT).as(StepVerifier::create).verifyComplete();
	}

	@Test
	void should_complete_empty_when_no_voucher_has_the_serial() {
		vouchers().findBySerial(4_242).as(StepVerifier::create).verifyComplete();
		vouchers().markHonoured(4_242, aCashier(), AT).as(StepVerifier::create).verifyComplete();
		vouchers().markCancelled(4_242, AT).as(StepVerifier::create).verifyComplete();
	}

	private Reward stored(Reward reward) {
		rewards().insert(reward).as(StepVerifier::create).expectNext(reward).verifyComplete();
		return reward;
	}

	private @Nullable Integer stockOf(RewardId id) {
		Reward[] found = new Reward[1];
		rewards().findById(id).as(StepVerifier::create).consumeNextWith((reward) -> found[0] = reward).verifyComplete();
		return found[0].stock();
	}

	private Voucher issued(CustomerId customer, @Nullable String requestKey) {
		return issued(customer, stored(RewardFixture.aReward().build()), requestKey);
	}

	private Voucher issued(CustomerId customer, Reward reward, @Nullable String requestKey) {
		Voucher voucher = voucher(customer, reward, requestKey);
		vouchers().insert(voucher).as(StepVerifier::create).expectNext(voucher).verifyComplete();
		return voucher;
	}

	private static Voucher voucher(CustomerId customer, Reward reward, @Nullable String requestKey) {
		return new Voucher(VoucherId.random(), SERIALS.incrementAndGet(), customer, reward.id(), reward.costPoints(),
				VoucherStatus.ISSUED, requestKey, AT, null);
	}

}
