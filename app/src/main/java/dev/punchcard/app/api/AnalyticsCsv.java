package dev.punchcard.app.api;

import dev.punchcard.app.web.CsvLines;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.punchcard.core.analytics.application.Reports.BroadcastResult;
import dev.punchcard.core.analytics.application.Reports.BroadcastsReport;
import dev.punchcard.core.analytics.application.Reports.CategoryRank;
import dev.punchcard.core.analytics.application.Reports.MembersReport;
import dev.punchcard.core.analytics.application.Reports.NamedCount;
import dev.punchcard.core.analytics.application.Reports.PeriodCount;
import dev.punchcard.core.analytics.application.Reports.PointsMovements;
import dev.punchcard.core.analytics.application.Reports.PointsPeriod;
import dev.punchcard.core.analytics.application.Reports.PointsReport;
import dev.punchcard.core.analytics.application.Reports.ProductRank;
import dev.punchcard.core.analytics.application.Reports.ProductsReport;
import dev.punchcard.core.analytics.application.Reports.ReferralsReport;
import dev.punchcard.core.analytics.application.Reports.RewardRank;
import dev.punchcard.core.analytics.application.Reports.RewardsReport;
import dev.punchcard.core.analytics.application.Reports.SalesPeriod;
import dev.punchcard.core.analytics.application.Reports.SalesReport;
import dev.punchcard.core.analytics.application.Reports.StoreSales;
import dev.punchcard.core.analytics.application.Reports.TierMove;
import dev.punchcard.core.analytics.application.Reports.TiersReport;
import org.jspecify.annotations.Nullable;

/**
 * The analytics reports as CSV tables (a header row, then one line per row, written by
 * {@link CsvLines}). Where a report has totals and series, a first column {@code row}
 * says which a line is.
 */
final class AnalyticsCsv {

	private AnalyticsCsv() {
	}

	static String of(Object report) {
		return switch (report) {
			case MembersReport members -> members(members);
			case SalesReport sales -> sales(sales);
			case ProductsReport products -> products(products);
			case PointsReport points -> points(points);
			case RewardsReport rewards -> rewards(rewards);
			case TiersReport tiers -> tiers(tiers);
			case ReferralsReport referrals ->
				table(List.of("referred_joined", "converted", "conversion_rate_percent"), List
					.of(cells(referrals.referredJoined(), referrals.converted(), referrals.conversionRatePercent())));
			case BroadcastsReport broadcasts -> broadcasts(broadcasts);
			default -> throw new IllegalArgumentException("no CSV for " + report.getClass());
		};
	}

	private static String members(MembersReport report) {
		List<List<@Nullable String>> rows = new ArrayList<>();
		rows.add(cells("total", null, null, report.total()));
		rows.add(cells("joined", null, null, report.joined()));
		rows.add(cells("active_30_days", null, null, report.active()));
		for (PeriodCount period : report.joinedPerPeriod()) {
			rows.add(cells("joined_in_period", period.start(), null, period.count()));
		}
		for (NamedCount channel : report.byChannel()) {
			rows.add(cells("channel", null, channel.name(), channel.count()));
		}
		for (NamedCount tier : report.byTier()) {
			rows.add(cells("tier", null, tier.name(), tier.count()));
		}
		return table(List.of("row", "period_start", "name", "members"), rows);
	}

	private static String sales(SalesReport report) {
		List<List<@Nullable String>> rows = new ArrayList<>();
		rows.add(cells("total", null, null, report.purchases(), report.revenueMinor(), report.refunds(),
				report.refundedMinor(), report.netRevenueMinor(), report.averageBasketMinor()));
		for (SalesPeriod period : report.periods()) {
			rows.add(cells("period", period.start(), null, period.purchases(), period.revenueMinor(), period.refunds(),
					period.refundedMinor(), period.revenueMinor() - period.refundedMinor(), null));
		}
		for (StoreSales store : report.stores()) {
			rows.add(cells("store", null, store.code(), store.purchases(), store.revenueMinor(), store.refunds(),
					store.refundedMinor(), store.revenueMinor() - store.refundedMinor(), null));
		}
		return table(List.of("row", "period_start", "store", "purchases", "revenue_minor", "refunds", "refunded_minor",
				"net_revenue_minor", "average_basket_minor"), rows);
	}

	private static String products(ProductsReport report) {
		List<List<@Nullable String>> rows = new ArrayList<>();
		productRows(rows, "product_by_revenue", report.byRevenue());
		productRows(rows, "product_by_quantity", report.byQuantity());
		categoryRows(rows, "category_by_revenue", report.categoriesByRevenue());
		categoryRows(rows, "category_by_quantity", report.categoriesByQuantity());
		return table(List.of("list", "rank", "sku", "name", "category", "quantity", "revenue_minor"), rows);
	}

	private static void productRows(List<List<@Nullable String>> rows, String list, List<ProductRank> ranks) {
		for (int i = 0; i < ranks.size(); i++) {
			ProductRank rank = ranks.get(i);
			rows.add(
					cells(list, i + 1, rank.sku(), rank.name(), rank.category(), rank.quantity(), rank.revenueMinor()));
		}
	}

	private static void categoryRows(List<List<@Nullable String>> rows, String list, List<CategoryRank> ranks) {
		for (int i = 0; i < ranks.size(); i++) {
			CategoryRank rank = ranks.get(i);
			rows.add(cells(list, i + 1, null, null, rank.category(), rank.quantity(), rank.revenueMinor()));
		}
	}

	private static String points(PointsReport report) {
		List<List<@Nullable String>> rows = new ArrayList<>();
		rows.add(movements("total", null, report.movements(), report.outstanding(), report.liabilityMinor()));
		for (PointsPeriod period : report.periods()) {
			rows.add(movements("period", period.start(), period.movements(), null, null));
		}
		return table(List.of("row", "period_start", "issued", "redeemed", "expired", "reversed", "adjusted",
				"outstanding", "liability_minor"), rows);
	}

	private static List<@Nullable String> movements(String row, @Nullable Object start, PointsMovements moved,
			@Nullable Long outstanding, @Nullable Long liability) {
		return cells(row, start, moved.issued(), moved.redeemed(), moved.expired(), moved.reversed(), moved.adjusted(),
				outstanding, liability);
	}

	private static String rewards(RewardsReport report) {
		List<List<@Nullable String>> rows = new ArrayList<>();
		rows.add(cells("total", null, null, report.redemptions(), report.pointsRedeemed(), report.pointsIssued(),
				report.redemptionRatePercent()));
		for (RewardRank rank : report.top()) {
			rows.add(
					cells("reward", rank.reward().value(), rank.name(), rank.redemptions(), rank.points(), null, null));
		}
		return table(List.of("row", "reward_id", "name", "redemptions", "points_redeemed", "points_issued",
				"redemption_rate_percent"), rows);
	}

	private static String tiers(TiersReport report) {
		List<List<@Nullable String>> rows = new ArrayList<>();
		for (TierMove move : report.moves()) {
			rows.add(cells(move.from(), move.to(), move.members()));
		}
		return table(List.of("from_tier", "to_tier", "members"), rows);
	}

	private static String broadcasts(BroadcastsReport report) {
		List<List<@Nullable String>> rows = new ArrayList<>();
		for (BroadcastResult b : report.broadcasts()) {
			rows.add(cells(b.broadcast().value(), b.name(), b.state(), b.startedAt(), b.recipients(), b.sent(),
					b.delivered(), b.read(), b.failed(), b.optedOut(), b.purchasers(), b.purchases(),
					b.revenueMinor()));
		}
		return table(List.of("broadcast_id", "name", "state", "started_at", "recipients", "sent", "delivered", "read",
				"failed", "opted_out", "purchasers_7_days", "purchases_7_days", "revenue_7_days_minor"), rows);
	}

	private static List<@Nullable String> cells(@Nullable Object... values) {
		return Arrays.stream(values).map((value) -> (value == null) ? null : value.toString()).toList();
	}

	private static String table(List<String> header, List<List<@Nullable String>> rows) {
		StringBuilder csv = new StringBuilder(CsvLines.line(new ArrayList<>(header)));
		rows.forEach((row) -> csv.append(CsvLines.line(row)));
		return csv.toString();
	}

}
