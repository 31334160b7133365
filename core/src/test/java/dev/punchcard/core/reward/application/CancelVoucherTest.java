package dev.punchcard.core.reward.application;

import java.time.Duration;
import java.time.Instant;

import dev.punchcard.core.card.domain.CodeSignerFixture;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.notification.application.NotificationPayload.VoucherCancelled;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.reward.application.RedemptionOutcome.OutOfStock;
import dev.punchcard.core.reward.application.RedemptionOutcome.Redeemed;
import dev.punchcard.core.reward.application.VoucherOutcome.AlreadyCancelled;
import dev.punchcard.core.reward.application.VoucherOutcome.AlreadyHonoured;
import dev.punchcard.core.reward.application.VoucherOutcome.Cancelled;
import dev.punchcard.core.reward.application.VoucherOutcome.UnknownVoucher;
import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.reward.domain.RewardFixture;
import dev.punchcard.core.reward.domain.VoucherStatus;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class CancelVoucherTest {

	private static final Instant LATER = TestClock.NOW.plus(Duration.ofHours(3));

	private final RewardDesk desk = new RewardDesk();

	private final CancelVoucher cancelVoucher = this.desk.cancelVoucherAt(TestClock.at(LATER));

	private final Customer customer = this.desk.customers.save(CustomerFixture.aCustomer().build());

	private final Reward mug = this.desk.rewards
		.save(RewardFixture.aReward().named("Mug").costing(40).withStock(1).build());

	@AfterEach
	void the_ledger_adds_up_to_every_balance() {
		this.desk.assertLedgerAddsUp();
	}

	private Redeemed aVoucherFor(Reward reward) {
		this.desk.ledger.give(this.customer.id(), 100);
		return this.desk.redeemed(this.customer.id(), reward, null);
	}

	@Test
	void should_give_the_points_and_the_unit_back_when_an_unused_voucher_is_cancelled() {
		// given
		Redeemed voucher = aVoucherFor(this.mug);

		// when
		Mono<VoucherOutcome> outcome = this.cancelVoucher.cancel(voucher.voucherCode());

		// then
		outcome.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).isInstanceOfSatisfying(Cancelled.class, (cancelled) -> {
				assertThat(cancelled.voucher().id()).isEqualTo(voucher.voucher().id());
				assertThat(cancelled.voucher().status()).isEqualTo(VoucherStatus.CANCELLED);
				assertThat(cancelled.balance()).isEqualTo(100);
			}))
			.verifyComplete();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(100);
		assertThat(this.desk.rewards.stockOf(this.mug.id())).isEqualTo(1);
		assertThat(this.desk.vouchers.cancelledAt(voucher.voucher().serial())).isEqualTo(LATER);
	}

	@Test
	void should_write_one_reversal_entry_sourced_by_the_voucher_and_a_message_when_it_is_cancelled() {
		// given
		Redeemed voucher = aVoucherFor(this.mug);

		// when
		this.cancelVoucher.cancel(voucher.voucherCode()).as(StepVerifier::create).expectNextCount(1).verifyComplete();

		// then
		assertThat(this.desk.ledger.entriesOf(this.customer.id(), EntryKind.REVERSAL)).singleElement()
			.satisfies((entry) -> {
				assertThat(entry.delta()).isEqualTo(Points.of(40));
				assertThat(entry.sourceType()).isEqualTo(CancelVoucher.SOURCE_TYPE);
				assertThat(entry.sourceId()).isEqualTo(voucher.voucher().id().toString());
				assertThat(entry.occurredAt()).isEqualTo(LATER);
			});
		assertThat(this.desk.notifications.queuedFor(this.customer.id()))
			.contains(new VoucherCancelled(voucher.voucher().id().toString(), "Mug", 40, 100));
	}

	@Test
	void should_let_the_unit_be_redeemed_again_when_the_voucher_that_took_it_is_cancelled() {
		// given
		Redeemed voucher = aVoucherFor(this.mug);
		this.desk.redeemReward()
			.redeem(this.customer.id(), this.mug.id(), null)
			.as(StepVerifier::create)
			.expectNext(new OutOfStock())
			.verifyComplete();

		// when
		this.cancelVoucher.cancel(voucher.voucherCode()).as(StepVerifier::create).expectNextCount(1).verifyComplete();

		// then
		Redeemed again = this.desk.redeemed(this.customer.id(), this.mug, null);
		assertThat(again.balance()).isEqualTo(60);
		assertThat(this.desk.rewards.stockOf(this.mug.id())).isZero();
	}

	@Test
	void should_keep_the_stock_unlimited_when_a_voucher_of_an_unlimited_reward_is_cancelled() {
		// given
		Reward pen = this.desk.rewards.save(RewardFixture.aReward().costing(10).build());
		Redeemed voucher = aVoucherFor(pen);

		// when
		this.cancelVoucher.cancel(voucher.voucherCode()).as(StepVerifier::create).expectNextCount(1).verifyComplete();

		// then
		assertThat(this.desk.rewards.stockOf(pen.id())).isNull();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(100);
	}

	@Test
	void should_give_back_once_when_the_voucher_is_cancelled_again() {
		// given
		Redeemed voucher = aVoucherFor(this.mug);
		this.cancelVoucher.cancel(voucher.voucherCode()).as(StepVerifier::create).expectNextCount(1).verifyComplete();

		// when
		Mono<VoucherOutcome> again = this.cancelVoucher.cancel(voucher.voucherCode());

		// then
		again.as(StepVerifier::create).expectNext(new AlreadyCancelled()).verifyComplete();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(100);
		assertThat(this.desk.rewards.stockOf(this.mug.id())).isEqualTo(1);
		assertThat(this.desk.ledger.entriesOf(this.customer.id(), EntryKind.REVERSAL)).hasSize(1);
	}

	@Test
	void should_refuse_and_give_nothing_back_when_the_voucher_was_honoured() {
		// given
		Redeemed voucher = aVoucherFor(this.mug);
		this.desk.honourVoucherAt(TestClock.fixed())
			.honour(voucher.voucherCode(), StaffId.random())
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();

		// when
		Mono<VoucherOutcome> outcome = this.cancelVoucher.cancel(voucher.voucherCode());

		// then
		outcome.as(StepVerifier::create).expectNext(new AlreadyHonoured(TestClock.NOW)).verifyComplete();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(60);
		assertThat(this.desk.rewards.stockOf(this.mug.id())).isZero();
		assertThat(this.desk.vouchers.find(voucher.voucher().serial()).status()).isEqualTo(VoucherStatus.HONOURED);
	}

	@Test
	void should_give_the_points_and_unit_back_when_the_reward_was_deactivated_since() {
		// given
		Redeemed voucher = aVoucherFor(this.mug);
		this.desk.rewards.update(new Reward(this.mug.id(), "Mug", "", 40, 0, false))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();

		// when
		Mono<VoucherOutcome> outcome = this.cancelVoucher.cancel(voucher.voucherCode());

		// then
		outcome.as(StepVerifier::create).expectNextMatches(Cancelled.class::isInstance).verifyComplete();
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(100);
		assertThat(this.desk.rewards.stockOf(this.mug.id())).isEqualTo(1);
	}

	@Test
	void should_answer_unknown_voucher_when_the_code_is_tampered_or_never_issued() {
		// given
		Redeemed voucher = aVoucherFor(this.mug);

		for (String code : new String[] { CodeSignerFixture.tampered(voucher.voucherCode()), "nonsense",
				CodeSignerFixture.voucherCode(424_242) }) {
			// when
			Mono<VoucherOutcome> outcome = this.cancelVoucher.cancel(code);

			// then
			outcome.as(StepVerifier::create).expectNext(new UnknownVoucher()).verifyComplete();
		}
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(60);
	}

	@Test
	void should_take_the_holder_s_account_lock_when_cancelling() {
		// given
		Redeemed voucher = aVoucherFor(this.mug);
		int before = this.desk.ledger.locksTaken(this.customer.id());

		// when
		this.cancelVoucher.cancel(voucher.voucherCode()).as(StepVerifier::create).expectNextCount(1).verifyComplete();

		// then
		assertThat(this.desk.ledger.locksTaken(this.customer.id())).isEqualTo(before + 1);
	}

}
