package dev.punchcard.core.reward.application;

import java.time.Clock;

import dev.punchcard.core.card.domain.CodeSignerFixture;
import dev.punchcard.core.customer.application.InMemoryCustomers;
import dev.punchcard.core.notification.application.InMemoryNotifications;
import dev.punchcard.core.points.application.InMemoryPointsLedger;
import dev.punchcard.core.reward.application.RedemptionOutcome.Redeemed;
import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.support.TestClock;
import org.jspecify.annotations.Nullable;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rewards and vouchers over in-memory ports, wired as {@code RewardConfiguration} wires
 * them; use cases are built at a fixed clock.
 */
final class RewardDesk {

	final InMemoryPointsLedger ledger = new InMemoryPointsLedger();

	final InMemoryCustomers customers = new InMemoryCustomers(this.ledger);

	final InMemoryRewards rewards = new InMemoryRewards();

	final InMemoryVouchers vouchers = new InMemoryVouchers();

	final InMemoryNotifications notifications = new InMemoryNotifications();

	RedeemReward redeemReward() {
		return redeemRewardAt(TestClock.fixed());
	}

	RedeemReward redeemRewardAt(Clock clock) {
		return new RedeemReward(this.customers, this.rewards, this.vouchers, this.ledger, this.notifications,
				issuer(clock));
	}

	HonourVoucher honourVoucherAt(Clock clock) {
		return new HonourVoucher(this.vouchers, CodeSignerFixture.signer(), clock);
	}

	CancelVoucher cancelVoucherAt(Clock clock) {
		return new CancelVoucher(this.vouchers, this.rewards, this.ledger, this.notifications, issuer(clock));
	}

	/** Redeems the reward now, which must succeed, and returns the outcome. */
	Redeemed redeemed(CustomerId customerId, Reward reward, @Nullable String requestKey) {
		Redeemed[] redeemed = new Redeemed[1];
		redeemReward().redeem(customerId, reward.id(), requestKey)
			.as(StepVerifier::create)
			.assertNext((outcome) -> assertThat(outcome).isInstanceOfSatisfying(Redeemed.class,
					(done) -> redeemed[0] = done))
			.verifyComplete();
		return redeemed[0];
	}

	/** Fails when a balance is not the sum of its ledger entries. */
	void assertLedgerAddsUp() {
		assertThat(this.ledger.mismatchesNow()).as("balances that are not the sum of their entries").isEmpty();
		this.ledger.mismatches().as(StepVerifier::create).verifyComplete();
	}

	private static RedeemReward.Issuer issuer(Clock clock) {
		return new RedeemReward.Issuer(CodeSignerFixture.signer(), clock);
	}

}
