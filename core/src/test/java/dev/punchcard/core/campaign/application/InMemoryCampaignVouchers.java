package dev.punchcard.core.campaign.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.punchcard.core.reward.domain.Voucher;
import dev.punchcard.core.shared.domain.CustomerId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Campaign vouchers in memory, with the guarantees of the {@code vouchers} table: one per
 * (campaign, customer) (a second insert completes empty, like {@code ON CONFLICT DO
 * NOTHING}), and a cost of 0 points. Work happens on subscription.
 */
public class InMemoryCampaignVouchers implements CampaignVouchers {

	private final Map<String, Voucher> byKey = new LinkedHashMap<>();

	@Override
	public Mono<Voucher> insert(String campaignKey, Voucher voucher) {
		return Mono.fromSupplier(() -> insertNow(campaignKey, voucher));
	}

	@Override
	public Mono<Voucher> find(String campaignKey, CustomerId customerId) {
		return Mono.fromSupplier(() -> findNow(campaignKey, customerId));
	}

	/** Every campaign voucher issued, in order. */
	public synchronized List<Voucher> all() {
		return List.copyOf(this.byKey.values());
	}

	private synchronized @Nullable Voucher insertNow(String campaignKey, Voucher voucher) {
		if (voucher.costPoints() != 0) {
			throw new IllegalArgumentException("vouchers_cost_check: a campaign voucher costs 0 points");
		}
		return (this.byKey.putIfAbsent(key(campaignKey, voucher.customerId()), voucher) == null) ? voucher : null;
	}

	private synchronized @Nullable Voucher findNow(String campaignKey, CustomerId customerId) {
		return this.byKey.get(key(campaignKey, customerId));
	}

	private static String key(String campaignKey, CustomerId customerId) {
		return campaignKey + "\u0000" + customerId;
	}

}
