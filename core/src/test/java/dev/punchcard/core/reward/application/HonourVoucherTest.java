package dev.punchcard.core.reward.application;

import java.time.Duration;
import java.time.Instant;

import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.card.domain.CodeSignerFixture;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.reward.application.RedemptionOutcome.Redeemed;
import dev.punchcard.core.reward.application.VoucherOutcome.AlreadyCancelled;
import dev.punchcard.core.reward.application.VoucherOutcome.AlreadyHonoured;
import dev.punchcard.core.reward.application.VoucherOutcome.Honoured;
import dev.punchcard.core.reward.application.VoucherOutcome.UnknownVoucher;
import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.reward.domain.RewardFixture;
import dev.punchcard.core.reward.domain.VoucherStatus;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class HonourVoucherTest {

	private static final Instant AT_THE_TILL = TestClock.NOW.plus(Duration.ofHours(2));

	private final RewardDesk desk = new RewardDesk();

	private final HonourVoucher honourVoucher = this.desk.honourVoucherAt(TestClock.at(AT_THE_TILL));

	private final StaffId cashier = StaffId.random();

	private final Customer customer = this.desk.customers.save(CustomerFixture.aCustomer().build());

	private final Reward bag = this.desk.rewards.save(RewardFixture.aReward().costing(30).withStock(5).build());

	@AfterEach
	void the_ledger_adds_up_to_every_balance() {
		this.desk.assertLedgerAddsUp();
	}

	private Redeemed anIssuedVoucher() {
		this.desk.ledger.give(this.customer.id(), 100);
		return this.desk.redeemed(this.customer.id(), this.bag, null);
	}

	@Test
	void should_honour_the_voucher_and_record_who_and_when_when_it_is_shown_for_the_first_time() {
		// given
		Redeemed voucher = anIssuedVoucher();

		// when
		Mono<VoucherOutcome> outcome = this.honourVoucher.honour(voucher.voucherCode(), this.cashier);

		// then
		outcome.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).isInstanceOfSatisfying(Honoured.class, (honoured) -> {
				assertThat(honoured.voucher().id()).isEqualTo(voucher.voucher().id());
				assertThat(honoured.voucher().status()).isEqualTo(VoucherStatus.HONOURED);
				assertThat(honoured.voucher().honouredAt()).isEqualTo(AT_THE_TILL);
			}))
			.verifyComplete();
		assertThat(this.desk.vouchers.honouredBy(voucher.voucher().serial())).isEqualTo(this.cashier);
	}

	@Test
	void should_move_no_points_and_no_stock_when_a_voucher_is_honoured() {
		// given
		Redeemed voucher = anIssuedVoucher();

		// when
		this.honourVoucher.honour(voucher.voucherCode(), this.cashier)
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();

		// then
		assertThat(this.desk.ledger.balance(this.customer.id())).isEqualTo(70);
		assertThat(this.desk.ledger.entriesOf(this.customer.id())).hasSize(2);
		assertThat(this.desk.rewards.stockOf(this.bag.id())).isEqualTo(4);
	}

	@Test
	void should_accept_the_code_when_it_is_typed_in_groups_and_lower_case() {
		// given
		Redeemed voucher = anIssuedVoucher();
		String typed = CodeSigner.grouped(voucher.voucherCode()).toLowerCase();

		// when
		Mono<VoucherOutcome> outcome = this.honourVoucher.honour(typed, this.cashier);

		// then
		outcome.as(StepVerifier::create).expectNextMatches(Honoured.class::isInstance).verifyComplete();
	}

	@Test
	void should_answer_already_honoured_with_the_first_time_when_the_voucher_is_shown_again() {
		// given
		Redeemed voucher = anIssuedVoucher();
		this.honourVoucher.honour(voucher.voucherCode(), this.cashier)
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
		HonourVoucher nextDay = this.desk.honourVoucherAt(TestClock.at(AT_THE_TILL.plus(Duration.ofDays(1))));

		// when
		Mono<VoucherOutcome> again = nextDay.honour(voucher.voucherCode(), StaffId.random());

		// then
		again.as(StepVerifier::create).expectNext(new AlreadyHonoured(AT_THE_TILL)).verifyComplete();
		assertThat(this.desk.vouchers.honouredBy(voucher.voucher().serial())).isEqualTo(this.cashier);
	}

	@Test
	void should_answer_already_cancelled_when_the_voucher_was_cancelled() {
		// given
		Redeemed voucher = anIssuedVoucher();
		this.desk.cancelVoucherAt(TestClock.fixed())
			.cancel(voucher.voucherCode())
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();

		// when
		Mono<VoucherOutcome> outcome = this.honourVoucher.honour(voucher.voucherCode(), this.cashier);

		// then
		outcome.as(StepVerifier::create).expectNext(new AlreadyCancelled()).verifyComplete();
		assertThat(this.desk.vouchers.honouredBy(voucher.voucher().serial())).isNull();
	}

	@Test
	void should_answer_unknown_voucher_when_the_code_is_tampered_malformed_or_a_member_card() {
		// given
		Redeemed voucher = anIssuedVoucher();
		long serial = voucher.voucher().serial();

		for (String code : new String[] { CodeSignerFixture.tampered(voucher.voucherCode()), "VOUCHER", "",
				CodeSignerFixture.cardCode(serial) }) {
			// when
			Mono<VoucherOutcome> outcome = this.honourVoucher.honour(code, this.cashier);

			// then
			outcome.as(StepVerifier::create).expectNext(new UnknownVoucher()).verifyComplete();
		}
		assertThat(this.desk.vouchers.find(serial).status()).isEqualTo(VoucherStatus.ISSUED);
	}

	@Test
	void should_answer_unknown_voucher_when_a_genuine_code_was_never_issued() {
		// given
		String neverIssued = CodeSignerFixture.voucherCode(424_242);

		// when
		Mono<VoucherOutcome> outcome = this.honourVoucher.honour(neverIssued, this.cashier);

		// then
		outcome.as(StepVerifier::create).expectNext(new UnknownVoucher()).verifyComplete();
	}

}
