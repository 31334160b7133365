package dev.punchcard.core.campaign.application;

import dev.punchcard.core.reward.domain.Voucher;
import dev.punchcard.core.shared.domain.CustomerId;
import reactor.core.publisher.Mono;

/**
 * Campaign vouchers: vouchers a campaign gives, at no cost in points, at most one per
 * (campaign, customer). They are rows of the one voucher table, so tills honour and
 * cancel them like any other.
 */
public interface CampaignVouchers {

	/**
	 * Stores the voucher (its cost must be 0) as the campaign's for its customer; emits
	 * it, or completes empty when the campaign already gave that customer one.
	 */
	Mono<Voucher> insert(String campaignKey, Voucher voucher);

	/** Emits the voucher the campaign gave the customer, or completes empty. */
	Mono<Voucher> find(String campaignKey, CustomerId customerId);

}
