package dev.punchcard.core.campaign.application;

import java.time.Instant;

import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.customer.application.Customers;
import dev.punchcard.core.customer.domain.CustomerStatus;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.reward.application.RedeemReward;
import dev.punchcard.core.reward.application.Rewards;
import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.reward.domain.Voucher;
import dev.punchcard.core.reward.domain.VoucherStatus;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.PlainText;
import dev.punchcard.core.shared.domain.RewardId;
import dev.punchcard.core.shared.domain.VoucherId;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * A campaign gives a member a one-time voucher for a reward, as their message is sent:
 * under the member's account lock, once per (campaign, member) however often the send is
 * retried, taking a unit of stock but no points (no ledger entry, so cancelling it
 * credits nothing). The voucher is honoured at the till like any other.
 */
public class IssueCampaignVoucher {

	private final Customers customers;

	private final Rewards rewards;

	private final CampaignVouchers vouchers;

	private final PointsLedger ledger;

	private final RedeemReward.Issuer issuer;

	public IssueCampaignVoucher(Customers customers, Rewards rewards, CampaignVouchers vouchers, PointsLedger ledger,
			RedeemReward.Issuer issuer) {
		this.customers = customers;
		this.rewards = rewards;
		this.vouchers = vouchers;
		this.ledger = ledger;
		this.issuer = issuer;
	}

	/**
	 * Emits what happened; never errors for business reasons. A repeat with the same
	 * campaign key and member answers the voucher issued first, whatever reward it names.
	 * @throws IllegalArgumentException when the campaign key is blank, over 100
	 * characters or holds control characters (a bug of the caller)
	 */
	@Transactional
	public Mono<CampaignVoucherOutcome> issue(String campaignKey, CustomerId customerId, RewardId rewardId) {
		if (campaignKey.isBlank() || campaignKey.length() > 100 || !PlainText.isSingleLine(campaignKey)) {
			throw new IllegalArgumentException("a campaign key is 1 to 100 characters without control characters");
		}
		return this.ledger.lockAccount(customerId)
			.flatMap((locked) -> this.vouchers.find(campaignKey, customerId))
			.<CampaignVoucherOutcome>map((known) -> new CampaignVoucherOutcome.AlreadyIssued(known, code(known)))
			.switchIfEmpty(Mono.defer(() -> issueFirst(campaignKey, customerId, rewardId)));
	}

	/**
	 * Under the account lock (or for an unknown customer): a member, an active reward.
	 */
	private Mono<CampaignVoucherOutcome> issueFirst(String campaignKey, CustomerId customerId, RewardId rewardId) {
		return this.customers.findById(customerId)
			.filter((customer) -> customer.status() != CustomerStatus.BLOCKED)
			.flatMap((member) -> this.rewards.findById(rewardId)
				.filter(Reward::active)
				.flatMap((reward) -> takeAndIssue(campaignKey, customerId, reward))
				.switchIfEmpty(Mono.fromSupplier(CampaignVoucherOutcome.UnknownReward::new)))
			.switchIfEmpty(Mono.fromSupplier(CampaignVoucherOutcome.UnknownCustomer::new));
	}

	private Mono<CampaignVoucherOutcome> takeAndIssue(String campaignKey, CustomerId customerId, Reward reward) {
		return this.rewards.takeOne(reward.id())
			.flatMap((taken) -> taken ? insert(campaignKey, customerId, reward)
					: Mono.just(new CampaignVoucherOutcome.OutOfStock()));
	}

	private Mono<CampaignVoucherOutcome> insert(String campaignKey, CustomerId customerId, Reward reward) {
		Instant now = this.issuer.clock().instant();
		Voucher voucher = new Voucher(VoucherId.random(), this.issuer.codes().newSerial(), customerId, reward.id(), 0,
				VoucherStatus.ISSUED, null, now, null);
		return this.vouchers.insert(campaignKey, voucher)
			// the account lock keeps a second issue for the member out, so the insert
			// cannot find one
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("campaign voucher issued under the lock")))
			.map((issued) -> new CampaignVoucherOutcome.Issued(issued, code(issued)));
	}

	private String code(Voucher voucher) {
		return this.issuer.codes().sign(CodePurpose.VOUCHER, voucher.serial());
	}

}
