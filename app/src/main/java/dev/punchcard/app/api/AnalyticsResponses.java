package dev.punchcard.app.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.punchcard.core.analytics.application.Reports.BroadcastResult;
import dev.punchcard.core.analytics.application.Reports.BroadcastsReport;
import dev.punchcard.core.analytics.application.Reports.RewardRank;
import dev.punchcard.core.analytics.application.Reports.RewardsReport;
import dev.punchcard.core.analytics.application.Reports.SalesPeriod;
import dev.punchcard.core.analytics.application.Reports.SalesReport;
import dev.punchcard.core.analytics.application.Reports.StoreSales;
import org.jspecify.annotations.Nullable;

/**
 * The analytics reports as JSON bodies: the core's records as they are, with their ids
 * written as plain strings.
 */
final class AnalyticsResponses {

	private AnalyticsResponses() {
	}

	static Object of(Object report) {
		return switch (report) {
			case SalesReport sales -> new SalesResponse(sales.purchases(), sales.revenueMinor(),
					sales.averageBasketMinor(), sales.refunds(), sales.refundedMinor(), sales.netRevenueMinor(),
					sales.periods(), sales.stores().stream().map(StoreResponse::of).toList());
			case RewardsReport rewards ->
				new RewardsResponse(rewards.redemptions(), rewards.pointsRedeemed(), rewards.pointsIssued(),
						rewards.redemptionRatePercent(), rewards.top().stream().map(RewardResponse::of).toList());
			case BroadcastsReport broadcasts ->
				new BroadcastsResponse(broadcasts.broadcasts().stream().map(BroadcastResponse::of).toList());
			default -> report;
		};
	}

	record SalesResponse(long purchases, long revenueMinor, long averageBasketMinor, long refunds, long refundedMinor,
			long netRevenueMinor, List<SalesPeriod> periods, List<StoreResponse> stores) {
	}

	record StoreResponse(String storeId, String code, String name, long purchases, long revenueMinor, long refunds,
			long refundedMinor) {

		static StoreResponse of(StoreSales store) {
			return new StoreResponse(store.store().toString(), store.code(), store.name(), store.purchases(),
					store.revenueMinor(), store.refunds(), store.refundedMinor());
		}

	}

	record RewardsResponse(long redemptions, long pointsRedeemed, long pointsIssued,
			@Nullable BigDecimal redemptionRatePercent, List<RewardResponse> top) {
	}

	record RewardResponse(String rewardId, String name, long redemptions, long points) {

		static RewardResponse of(RewardRank rank) {
			return new RewardResponse(rank.reward().value().toString(), rank.name(), rank.redemptions(), rank.points());
		}

	}

	record BroadcastsResponse(List<BroadcastResponse> broadcasts) {
	}

	record BroadcastResponse(String broadcastId, String name, String state, Instant startedAt, long recipients,
			long sent, long delivered, long read, long failed, long optedOut, long purchasers, long purchases,
			long revenueMinor) {

		static BroadcastResponse of(BroadcastResult b) {
			return new BroadcastResponse(b.broadcast().value().toString(), b.name(), b.state(), b.startedAt(),
					b.recipients(), b.sent(), b.delivered(), b.read(), b.failed(), b.optedOut(), b.purchasers(),
					b.purchases(), b.revenueMinor());
		}

	}

}
