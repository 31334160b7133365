package dev.punchcard.core.analytics.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.shared.domain.RewardId;
import dev.punchcard.core.shared.domain.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * The analytics reports, read models the edges render as JSON, CSV or charts. Series are
 * ordered by their bucket's first local date; a bucket with nothing in it is left out.
 * Amounts are in minor units of the program's currency.
 */
public final class Reports {

	private Reports() {
	}

	/** A count in one bucket of a series, starting on {@code start}. */
	public record PeriodCount(LocalDate start, long count) {
	}

	/** A count under a name (a channel, a tier). */
	public record NamedCount(String name, long count) {
	}

	/**
	 * Members of the store (their home store) or of all stores.
	 *
	 * @param total members who had joined by the end of the range
	 * @param joined members who joined in the range
	 * @param active members with a purchase in the 30 days up to the end of the range
	 * @param joinedPerPeriod joined, per bucket
	 * @param byChannel members per chat channel they are linked on (one member may count
	 * on both)
	 * @param byTier members per tier they are in now
	 */
	public record MembersReport(long total, long joined, long active, List<PeriodCount> joinedPerPeriod,
			List<NamedCount> byChannel, List<NamedCount> byTier) {
	}

	/** Purchases by their time, refunds by theirs, in one bucket. */
	public record SalesPeriod(LocalDate start, long purchases, long revenueMinor, long refunds, long refundedMinor) {
	}

	/** One store's sales in the range. */
	public record StoreSales(StoreId store, String code, String name, long purchases, long revenueMinor, long refunds,
			long refundedMinor) {
	}

	/**
	 * Sales at the store (or all): purchases recorded and refunds made in the range.
	 *
	 * @param averageBasketMinor revenue per purchase, rounded down (0 without purchases)
	 * @param netRevenueMinor revenue less refunded amounts
	 */
	public record SalesReport(long purchases, long revenueMinor, long averageBasketMinor, long refunds,
			long refundedMinor, long netRevenueMinor, List<SalesPeriod> periods, List<StoreSales> stores) {
	}

	/** A product (by SKU and category) with its quantity and line revenue. */
	public record ProductRank(String sku, @Nullable String name, @Nullable String category, long quantity,
			long revenueMinor) {
	}

	/**
	 * A category ({@code null}: lines without one) with its quantity and line revenue.
	 */
	public record CategoryRank(@Nullable String category, long quantity, long revenueMinor) {
	}

	/**
	 * The best-selling products and categories from the line items of purchases recorded
	 * in the range (quantity times unit price; refunds do not name lines, so they are not
	 * taken off).
	 */
	public record ProductsReport(List<ProductRank> byRevenue, List<ProductRank> byQuantity,
			List<CategoryRank> categoriesByRevenue, List<CategoryRank> categoriesByQuantity) {
	}

	/**
	 * Points moved in one bucket (or the range): earned and bonus points issued, points
	 * redeemed, expired, reversed by refunds (all positive numbers), and the net of
	 * manual adjustments.
	 */
	public record PointsMovements(long issued, long redeemed, long expired, long reversed, long adjusted) {

		public static final PointsMovements NONE = new PointsMovements(0, 0, 0, 0, 0);

		public PointsMovements plus(PointsMovements other) {
			return new PointsMovements(this.issued + other.issued, this.redeemed + other.redeemed,
					this.expired + other.expired, this.reversed + other.reversed, this.adjusted + other.adjusted);
		}

	}

	/** Points moved in one bucket. */
	public record PointsPeriod(LocalDate start, PointsMovements movements) {
	}

	/**
	 * Points of the store's members (their home store) or of all.
	 *
	 * @param movements moved in the range
	 * @param periods moved, per bucket
	 * @param outstanding the members' balances now
	 * @param liabilityMinor what the outstanding points are worth at the configured value
	 * per point, rounded half up
	 */
	public record PointsReport(PointsMovements movements, List<PointsPeriod> periods, long outstanding,
			long liabilityMinor) {
	}

	/** A reward with how often and for how many points it was redeemed. */
	public record RewardRank(RewardId reward, String name, long redemptions, long points) {
	}

	/**
	 * Redemptions of the store's members (or all) in the range.
	 *
	 * @param redemptions vouchers issued
	 * @param pointsRedeemed points those vouchers cost
	 * @param pointsIssued points issued in the range
	 * @param redemptionRatePercent points redeemed per point issued, in percent (one
	 * decimal), null when none were issued
	 * @param top the most redeemed rewards
	 */
	public record RewardsReport(long redemptions, long pointsRedeemed, long pointsIssued,
			@Nullable BigDecimal redemptionRatePercent, List<RewardRank> top) {
	}

	/** Members who moved from one tier to another in the range. */
	public record TierMove(String from, String to, long members) {
	}

	/** Tier changes of the store's members (or all) in the range, most frequent first. */
	public record TiersReport(long changes, List<TierMove> moves) {
	}

	/**
	 * Referrals in the range.
	 *
	 * @param referredJoined members who joined with a referral code
	 * @param converted referred members whose first purchase (which pays the referral
	 * bonus) was in the range
	 * @param conversionRatePercent converted per referred member joined, in percent (one
	 * decimal), null when none joined
	 */
	public record ReferralsReport(long referredJoined, long converted, @Nullable BigDecimal conversionRatePercent) {
	}

	/**
	 * One broadcast started in the range and what became of its messages.
	 *
	 * @param optedOut recipients skipped because they opted out of marketing
	 * @param purchasers recipients who bought within 7 days after their message was sent
	 * @param purchases their purchases in those 7 days
	 * @param revenueMinor the amount of those purchases
	 */
	public record BroadcastResult(BroadcastId broadcast, String name, String state, Instant startedAt, long recipients,
			long sent, long delivered, long read, long failed, long optedOut, long purchasers, long purchases,
			long revenueMinor) {
	}

	/** Broadcasts started in the range, newest first. */
	public record BroadcastsReport(List<BroadcastResult> broadcasts) {
	}

}
