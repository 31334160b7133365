package dev.punchcard.core.reward.application;

import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.StaffId;

/** The rewards and vouchers contract, kept by the in-memory fakes. */
class InMemoryRewardsAndVouchersTest extends RewardsAndVouchersContract {

	private final InMemoryRewards rewards = new InMemoryRewards();

	private final InMemoryVouchers vouchers = new InMemoryVouchers();

	@Override
	protected Rewards rewards() {
		return this.rewards;
	}

	@Override
	protected Vouchers vouchers() {
		return this.vouchers;
	}

	@Override
	protected CustomerId aCustomer() {
		return CustomerId.random();
	}

	@Override
	protected StaffId aCashier() {
		return StaffId.random();
	}

}
