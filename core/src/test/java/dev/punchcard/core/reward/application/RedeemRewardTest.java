package dev.punchcard.core.reward.application;

import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSignerFixture;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.notification.application.NotificationPayload.RewardRedeemed;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.reward.application.RedemptionOutcome.AlreadyRedeemed;
import dev.punchcard.core.reward.application.RedemptionOutcome.NotEnoughPoints;
import dev.punchcard.core.reward.application.RedemptionOutcome.OutOfStock;
import dev.punchcard.core.reward.application.RedemptionOutcome.Redeemed;
import dev.punchcard.core.reward.application.RedemptionOutcome.UnknownCustomer;
import dev.punchcard.core.reward.application.RedemptionOutcome.UnknownReward;
import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.reward.domain.RewardFixture;
import dev.punchcard.core.reward.domain.VoucherStatus;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.shared.domain.RewardId;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class RedeemRewardTest {

	private final RewardDesk desk = new RewardDesk();

	private final RedeemReward redeemReward = this.desk.redeemReward();

	private final Customer customer = this.desk.customers.save(CustomerFixture.aCustomer().build());

	@AfterEach
	void the_ledger_adds_up_to_every_balance() {
		this.desk.assertLedgerAddsUp();
	}

	@Test
	void should_debit_the_points_take_a_unit_and_issue_a_voucher_when_the_balance_covers_the_cost() {
		// given
		this.desk.ledger.give(this.customer.id(), 100);
		Reward bag = this.desk.rewards.save(RewardFixture.aReward().named("Tote bag").costing(30).withStock(5).build());

		// when
		Mono<RedemptionOutcome> outcome = this.redeemReward.redeem(this.customer.id(), bag.id(), null);

		// then
		outcome.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).isInstanceOfSatisfying(Redeemed.class, (redeemed) -> {
				assertThat(redeemed.balance()).isEqualTo(70);
				assertThat(redeemed.reward()).isEqualTo(bag);
				assertThat(redeemed.voucher().customerId()).isEqualTo(this.customer.id());
				assertThat(redeemed.voucher().rewardId()).isEqualTo(bag.id());
				assertThat(redeemed.voucher().costPoints()).isEqualTo(30);
				assertThat(redeemed.voucher().status()).isEqualTo(VoucherStatus.ISSUED);
				assertThat(redeemed.voucher().issuedAt()).isEqualTo(TestClock.NOW);
				assertThat(CodeSignerFixture.signer().verify(CodePurpose.VOUCHER, redeemed.voucherCode()))
					.hasValue(redeemed.voucher().serial());
			}))
			.verifyComplete();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(70);
		assertThat(this.desk.rewards.stockOf(bag.id())).isEqualTo(4);
		assertThat(this.desk.vouchers.vouchersOf(this.customer.id())).hasSize(1);
	}

	@Test
	void should_write_one_redeem_entry_sourced_by_the_voucher_and_a_message_when_a_reward_is_redeemed() {
		// given
		this.desk.ledger.give(this.customer.id(), 100);
		Reward coffee = this.desk.rewards.save(RewardFixture.aReward().named("Coffee").costing(30).build());

		// when
		Redeemed redeemed = this.desk.redeemed(this.customer.id(), coffee, null);

		// then
		assertThat(this.desk.ledger.entriesOf(this.customer.id(), EntryKind.REDEEM)).singleElement()
			.satisfies((entry) -> {
				assertThat(entry.delta()).isEqualTo(Points.of(-30));
				assertThat(entry.sourceType()).isEqualTo(RedeemReward.SOURCE_TYPE);
				assertThat(entry.sourceId()).isEqualTo(redeemed.voucher().id().toString());
				assertThat(entry.reason()).isEqualTo("redeemed Coffee");
			});
		assertThat(this.desk.notifications.queuedFor(this.customer.id())).containsExactly(
				new RewardRedeemed(redeemed.voucher().id().toString(), redeemed.voucherCode(), "Coffee", 30, 70));
	}

	@Test
	void should_redeem_down_to_zero_when_the_balance_equals_the_cost() {
		// given
		this.desk.ledger.give(this.customer.id(), 30);
		Reward coffee = this.desk.rewards.save(RewardFixture.aReward().costing(30).build());

		// when
		Redeemed redeemed = this.desk.redeemed(this.customer.id(), coffee, null);

		// then
		assertThat(redeemed.balance()).isZero();
	}

	@Test
	void should_refuse_and_change_nothing_when_the_balance_does_not_cover_the_cost() {
		// given
		this.desk.ledger.give(this.customer.id(), 29);
		Reward coffee = this.desk.rewards.save(RewardFixture.aReward().costing(30).withStock(5).build());

		// when
		Mono<RedemptionOutcome> outcome = this.redeemReward.redeem(this.customer.id(), coffee.id(), null);

		// then
		outcome.as(StepVerifier::create).expectNext(new NotEnoughPoints(29, 30)).verifyComplete();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(29);
		assertThat(this.desk.rewards.stockOf(coffee.id())).isEqualTo(5);
		assertThat(this.desk.vouchers.vouchersOf(this.customer.id())).isEmpty();
		assertThat(this.desk.notifications.queued()).isEmpty();
	}

	@Test
	void should_refuse_and_debit_nothing_when_the_reward_is_out_of_stock() {
		// given
		this.desk.ledger.give(this.customer.id(), 100);
		Reward mug = this.desk.rewards.save(RewardFixture.aReward().named("Mug").costing(40).withStock(1).build());
		this.desk.redeemed(this.customer.id(), mug, null);

		// when
		Mono<RedemptionOutcome> outcome = this.redeemReward.redeem(this.customer.id(), mug.id(), null);

		// then
		outcome.as(StepVerifier::create).expectNext(new OutOfStock()).verifyComplete();
		assertThat(this.desk.rewards.stockOf(mug.id())).isZero();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(60);
		assertThat(this.desk.vouchers.vouchersOf(this.customer.id())).hasSize(1);
	}

	@Test
	void should_keep_the_stock_unlimited_when_the_reward_has_no_stock_count() {
		// given
		this.desk.ledger.give(this.customer.id(), 100);
		Reward pen = this.desk.rewards.save(RewardFixture.aReward().costing(10).build());

		// when
		this.desk.redeemed(this.customer.id(), pen, null);
		this.desk.redeemed(this.customer.id(), pen, null);

		// then
		assertThat(this.desk.rewards.stockOf(pen.id())).isNull();
		assertThat(this.desk.vouchers.vouchersOf(this.customer.id())).hasSize(2);
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(80);
	}

	@Test
	void should_answer_unknown_reward_and_change_nothing_when_the_reward_is_inactive() {
		// given
		this.desk.ledger.give(this.customer.id(), 100);
		Reward retired = this.desk.rewards.save(RewardFixture.aReward().withStock(3).inactive().build());

		// when
		Mono<RedemptionOutcome> outcome = this.redeemReward.redeem(this.customer.id(), retired.id(), null);

		// then
		outcome.as(StepVerifier::create).expectNext(new UnknownReward()).verifyComplete();
		assertThat(this.desk.rewards.stockOf(retired.id())).isEqualTo(3);
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(100);
	}

	@Test
	void should_answer_unknown_reward_when_no_reward_has_the_id() {
		// when
		Mono<RedemptionOutcome> outcome = this.redeemReward.redeem(this.customer.id(), RewardId.random(), null);

		// then
		outcome.as(StepVerifier::create).expectNext(new UnknownReward()).verifyComplete();
	}

	@Test
	void should_answer_unknown_customer_when_nobody_has_the_id() {
		// given
		Reward coffee = this.desk.rewards.save(RewardFixture.aReward().withStock(3).build());

		// when
		Mono<RedemptionOutcome> outcome = this.redeemReward.redeem(CustomerId.random(), coffee.id(), null);

		// then
		outcome.as(StepVerifier::create).expectNext(new UnknownCustomer()).verifyComplete();
		assertThat(this.desk.rewards.stockOf(coffee.id())).isEqualTo(3);
	}

	@Test
	void should_answer_the_same_voucher_once_debited_when_the_request_key_is_repeated() {
		// given
		this.desk.ledger.give(this.customer.id(), 100);
		Reward pen = this.desk.rewards.save(RewardFixture.aReward().costing(10).withStock(5).build());
		Redeemed first = this.desk.redeemed(this.customer.id(), pen, "tap-123");

		// when
		Mono<RedemptionOutcome> repeated = this.redeemReward.redeem(this.customer.id(), pen.id(), "tap-123");

		// then
		repeated.as(StepVerifier::create)
			.expectNext(new AlreadyRedeemed(first.voucher(), first.voucherCode(), this.desk.rewards.find(pen.id()), 90))
			.verifyComplete();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(90);
		assertThat(this.desk.rewards.stockOf(pen.id())).isEqualTo(4);
		assertThat(this.desk.vouchers.vouchersOf(this.customer.id())).hasSize(1);
		assertThat(first.voucher().requestKey()).isEqualTo("tap-123");
	}

	@Test
	void should_answer_the_voucher_it_issued_when_the_request_is_repeated_after_the_points_or_stock_ran_out() {
		// given
		this.desk.ledger.give(this.customer.id(), 40);
		Reward mug = this.desk.rewards.save(RewardFixture.aReward().costing(40).withStock(1).build());
		Redeemed first = this.desk.redeemed(this.customer.id(), mug, "tap-1");

		// when
		Mono<RedemptionOutcome> repeated = this.redeemReward.redeem(this.customer.id(), mug.id(), "tap-1");

		// then
		repeated.as(StepVerifier::create)
			.assertNext((outcome) -> assertThat(outcome).isInstanceOfSatisfying(AlreadyRedeemed.class,
					(again) -> assertThat(again.voucher()).isEqualTo(first.voucher())))
			.verifyComplete();
	}

	@Test
	void should_issue_another_voucher_when_the_request_key_is_new_or_absent() {
		// given
		this.desk.ledger.give(this.customer.id(), 100);
		Reward pen = this.desk.rewards.save(RewardFixture.aReward().costing(10).build());
		this.desk.redeemed(this.customer.id(), pen, "tap-1");

		// when
		this.desk.redeemed(this.customer.id(), pen, "tap-2");
		this.desk.redeemed(this.customer.id(), pen, null);
		this.desk.redeemed(this.customer.id(), pen, null);

		// then
		assertThat(this.desk.vouchers.vouchersOf(this.customer.id())).hasSize(4);
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(60);
	}

	@Test
	void should_keep_request_keys_apart_when_two_customers_use_the_same_one() {
		// given
		Customer other = this.desk.customers.save(CustomerFixture.aCustomer().build());
		this.desk.ledger.give(this.customer.id(), 10);
		this.desk.ledger.give(other.id(), 10);
		Reward pen = this.desk.rewards.save(RewardFixture.aReward().costing(10).build());
		this.desk.redeemed(this.customer.id(), pen, "tap-1");

		// when
		Mono<RedemptionOutcome> outcome = this.redeemReward.redeem(other.id(), pen.id(), "tap-1");

		// then
		outcome.as(StepVerifier::create).expectNextMatches(Redeemed.class::isInstance).verifyComplete();
		assertThat(this.desk.ledger.balance(other.id())).isZero();
	}

	@Test
	void should_take_the_account_lock_before_checking_the_balance_when_redeeming() {
		// given
		this.desk.ledger.give(this.customer.id(), 10);
		Reward pen = this.desk.rewards.save(RewardFixture.aReward().costing(10).build());

		// when
		this.desk.redeemed(this.customer.id(), pen, null);

		// then
		assertThat(this.desk.ledger.locksTaken(this.customer.id())).isEqualTo(1);
	}

	@Test
	void should_refuse_and_change_nothing_when_the_member_is_blocked() {
		// given
		Customer blocked = this.desk.customers.save(CustomerFixture.aCustomer().blocked().build());
		this.desk.ledger.give(blocked.id(), 100);
		Reward coffee = this.desk.rewards.save(RewardFixture.aReward().costing(30).withStock(5).build());

		// when
		Mono<RedemptionOutcome> outcome = this.redeemReward.redeem(blocked.id(), coffee.id(), null);

		// then
		outcome.as(StepVerifier::create).expectNext(new UnknownCustomer()).verifyComplete();
		assertThat(this.desk.ledger.balance(blocked.id())).isEqualTo(100);
		assertThat(this.desk.rewards.stockOf(coffee.id())).isEqualTo(5);
	}

	@Test
	void should_answer_the_voucher_it_issued_when_the_request_is_repeated_after_the_reward_was_deactivated() {
		// given
		this.desk.ledger.give(this.customer.id(), 100);
		Reward pen = this.desk.rewards.save(RewardFixture.aReward().costing(10).build());
		Redeemed first = this.desk.redeemed(this.customer.id(), pen, "tap-1");
		Reward retired = new Reward(pen.id(), pen.name(), pen.description(), pen.costPoints(), pen.stock(), false);
		this.desk.rewards.update(retired).as(StepVerifier::create).expectNextCount(1).verifyComplete();

		// when
		Mono<RedemptionOutcome> repeated = this.redeemReward.redeem(this.customer.id(), pen.id(), "tap-1");

		// then
		repeated.as(StepVerifier::create)
			.assertNext((outcome) -> assertThat(outcome).isInstanceOfSatisfying(AlreadyRedeemed.class,
					(again) -> assertThat(again.voucher()).isEqualTo(first.voucher())))
			.verifyComplete();
	}

	@Test
	void should_not_present_the_voucher_as_another_reward_when_a_request_key_is_reused_for_it() {
		// given
		this.desk.ledger.give(this.customer.id(), 100);
		Reward pen = this.desk.rewards.save(RewardFixture.aReward().named("Pen").costing(10).build());
		Reward bike = this.desk.rewards.save(RewardFixture.aReward().named("Bike").costing(90).build());
		this.desk.redeemed(this.customer.id(), pen, "tap-1");

		// when
		Mono<RedemptionOutcome> outcome = this.redeemReward.redeem(this.customer.id(), bike.id(), "tap-1");

		// then: whatever the answer, it never says the pen's voucher is for the bike
		outcome.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).isInstanceOfSatisfying(AlreadyRedeemed.class,
					(again) -> assertThat(again.reward().id()).isEqualTo(again.voucher().rewardId())))
			.verifyComplete();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(90);
	}

}
