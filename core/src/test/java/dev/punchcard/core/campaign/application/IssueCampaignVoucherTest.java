package dev.punchcard.core.campaign.application;

import dev.punchcard.core.card.domain.CodeSignerFixture;
import dev.punchcard.core.customer.application.InMemoryCustomers;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.CustomerFixture;
import dev.punchcard.core.points.application.InMemoryPointsLedger;
import dev.punchcard.core.reward.application.InMemoryRewards;
import dev.punchcard.core.reward.application.RedeemReward;
import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.reward.domain.RewardFixture;
import dev.punchcard.core.reward.domain.VoucherStatus;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.RewardId;
import dev.punchcard.core.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IssueCampaignVoucherTest {

	private final InMemoryPointsLedger ledger = new InMemoryPointsLedger();

	private final InMemoryCustomers customers = new InMemoryCustomers(this.ledger);

	private final InMemoryRewards rewards = new InMemoryRewards();

	private final InMemoryCampaignVouchers vouchers = new InMemoryCampaignVouchers();

	private final IssueCampaignVoucher issue = new IssueCampaignVoucher(this.customers, this.rewards, this.vouchers,
			this.ledger, new RedeemReward.Issuer(CodeSignerFixture.signer(), TestClock.fixed()));

	private final Customer member = this.customers.save(CustomerFixture.aCustomer().build());

	@Test
	void should_issue_a_voucher_at_no_cost_in_points_when_a_campaign_first_gives_one() {
		// given
		this.ledger.give(this.member.id(), 40);
		Reward coffee = this.rewards.save(RewardFixture.aReward().named("Coffee").costing(50).withStock(3).build());

		// when / then
		this.issue.issue("spring-sale", this.member.id(), coffee.id())
			.as(StepVerifier::create)
			.assertNext((outcome) -> assertThat(outcome).isInstanceOfSatisfying(CampaignVoucherOutcome.Issued.class,
					(issued) -> {
						assertThat(issued.voucher().costPoints()).isZero();
						assertThat(issued.voucher().rewardId()).isEqualTo(coffee.id());
						assertThat(issued.voucher().status()).isEqualTo(VoucherStatus.ISSUED);
						assertThat(issued.voucherCode())
							.isEqualTo(CodeSignerFixture.voucherCode(issued.voucher().serial()));
					}))
			.verifyComplete();
		assertThat(this.ledger.entriesOf(this.member.id())).as("only the points given in the test").hasSize(1);
		this.ledger.balanceOf(this.member.id())
			.as(StepVerifier::create)
			.assertNext((balance) -> assertThat(balance.value()).isEqualTo(40))
			.verifyComplete();
		assertThat(this.rewards.stockOf(coffee.id())).isEqualTo(2);
	}

	@Test
	void should_answer_the_first_voucher_and_take_no_more_stock_when_the_send_is_retried() {
		// given
		Reward coffee = this.rewards.save(RewardFixture.aReward().costing(50).withStock(3).build());
		CampaignVoucherOutcome.Issued first = (CampaignVoucherOutcome.Issued) this.issue
			.issue("spring-sale", this.member.id(), coffee.id())
			.block();

		// when / then: the same campaign and member again, even naming another reward
		Reward other = this.rewards.save(RewardFixture.aReward().costing(10).build());
		this.issue.issue("spring-sale", this.member.id(), other.id())
			.as(StepVerifier::create)
			.assertNext((outcome) -> assertThat(outcome)
				.isEqualTo(new CampaignVoucherOutcome.AlreadyIssued(first.voucher(), first.voucherCode())))
			.verifyComplete();
		assertThat(this.vouchers.all()).hasSize(1);
		assertThat(this.rewards.stockOf(coffee.id())).isEqualTo(2);
	}

	@Test
	void should_issue_another_voucher_when_another_campaign_gives_one() {
		Reward coffee = this.rewards.save(RewardFixture.aReward().build());

		this.issue.issue("spring-sale", this.member.id(), coffee.id()).block();
		this.issue.issue("summer-sale", this.member.id(), coffee.id())
			.as(StepVerifier::create)
			.assertNext((outcome) -> assertThat(outcome).isInstanceOf(CampaignVoucherOutcome.Issued.class))
			.verifyComplete();

		assertThat(this.vouchers.all()).hasSize(2);
	}

	@Test
	void should_issue_nothing_when_the_reward_is_out_of_stock_inactive_or_unknown() {
		Reward soldOut = this.rewards.save(RewardFixture.aReward().withStock(0).build());
		Reward retired = this.rewards.save(RewardFixture.aReward().inactive().build());

		this.issue.issue("c", this.member.id(), soldOut.id())
			.as(StepVerifier::create)
			.expectNext(new CampaignVoucherOutcome.OutOfStock())
			.verifyComplete();
		this.issue.issue("c", this.member.id(), retired.id())
			.as(StepVerifier::create)
			.expectNext(new CampaignVoucherOutcome.UnknownReward())
			.verifyComplete();
		this.issue.issue("c", this.member.id(), RewardId.random())
			.as(StepVerifier::create)
			.expectNext(new CampaignVoucherOutcome.UnknownReward())
			.verifyComplete();
		assertThat(this.vouchers.all()).isEmpty();
	}

	@Test
	void should_issue_nothing_when_the_member_is_unknown_or_blocked() {
		Reward coffee = this.rewards.save(RewardFixture.aReward().build());
		Customer blocked = this.customers.save(CustomerFixture.aCustomer().blocked().build());

		this.issue.issue("c", CustomerId.random(), coffee.id())
			.as(StepVerifier::create)
			.expectNext(new CampaignVoucherOutcome.UnknownCustomer())
			.verifyComplete();
		this.issue.issue("c", blocked.id(), coffee.id())
			.as(StepVerifier::create)
			.expectNext(new CampaignVoucherOutcome.UnknownCustomer())
			.verifyComplete();
		assertThat(this.vouchers.all()).isEmpty();
	}

	@Test
	void should_refuse_a_campaign_key_that_is_blank_or_holds_control_characters() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.issue.issue(" ", this.member.id(), RewardId.random()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.issue.issue("a\nb", this.member.id(), RewardId.random()));
	}

}
