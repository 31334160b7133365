package dev.punchcard.core.segment.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;

import java.util.Map;
import java.util.UUID;

import dev.punchcard.core.segment.domain.Criterion;
import dev.punchcard.core.segment.domain.Criterion.Bought;
import dev.punchcard.core.segment.domain.Criterion.ChurnRiskIn;
import dev.punchcard.core.segment.domain.Criterion.FavouriteCategory;
import dev.punchcard.core.segment.domain.Criterion.HomeStoreIn;
import dev.punchcard.core.segment.domain.Criterion.JoinedBetween;
import dev.punchcard.core.segment.domain.Criterion.LanguageIn;
import dev.punchcard.core.segment.domain.Criterion.LastPurchase;
import dev.punchcard.core.segment.domain.Criterion.NetSpend;
import dev.punchcard.core.segment.domain.Criterion.NeverPurchased;
import dev.punchcard.core.segment.domain.Criterion.PointsBalance;
import dev.punchcard.core.segment.domain.Criterion.PurchaseCount;
import dev.punchcard.core.segment.domain.Criterion.ReachableOn;
import dev.punchcard.core.segment.domain.Criterion.Referred;
import dev.punchcard.core.segment.domain.Criterion.RfmClassIn;
import dev.punchcard.core.segment.domain.Criterion.TierIn;
import dev.punchcard.core.segment.domain.Reach;
import dev.punchcard.core.segment.domain.SegmentFilter;
import org.jspecify.annotations.Nullable;

/**
 * The WHERE clause of one filter over {@code customers c}: fixed SQL per criterion, every
 * value a bind parameter ({@code :p0}, {@code :p1}, ...), never text spliced in. A
 * purchase refunded in full counts as no purchase (last purchase, counts, never
 * purchased, items bought); net spend subtracts every refund.
 *
 * @param where the condition, starting with the active-members rule
 * @param parameters the values to bind, by name
 */
public record SegmentSql(String where, Map<String, Object> parameters) {

	private static final String KEPT = "p.refunded_minor < p.amount_minor";

	public static SegmentSql of(SegmentFilter filter, Instant now) {
		Builder builder = new Builder(now);
		filter.criteria().forEach(builder::add);
		return new SegmentSql(builder.where.toString(), Map.copyOf(builder.parameters));
	}

	private static final class Builder {

		private final StringBuilder where = new StringBuilder("c.status = 'ACTIVE'");

		private final Map<String, Object> parameters = new LinkedHashMap<>();

		private final Instant now;

		Builder(Instant now) {
			this.now = now;
		}

		void add(Criterion criterion) {
			String condition = switch (criterion) {
				case TierIn c -> "c.tier = ANY(" + bind(c.tiers().toArray(String[]::new)) + ")";
				case HomeStoreIn c -> "c.home_store_id = ANY("
						+ bind(c.stores().stream().map((s) -> s.value()).toArray(UUID[]::new)) + ")";
				case ReachableOn c -> "EXISTS (SELECT 1 FROM channel_identities ci WHERE ci.customer_id = c.id"
						+ " AND ci.reachable AND ci.channel = ANY(" + bind(channels(c.reach())) + "))";
				case LanguageIn c -> "c.language = ANY(" + bind(c.languages().toArray(String[]::new)) + ")";
				case JoinedBetween c -> joined(c);
				case LastPurchase c -> lastPurchase(c);
				case PurchaseCount c -> range("(SELECT count(*) FROM purchases p WHERE p.customer_id = c.id AND " + KEPT
						+ " AND p.recorded_at > " + daysAgo(c.withinDays()) + ")", c.min(), c.max());
				case NetSpend c -> range(
						"(SELECT COALESCE(SUM(p.amount_minor - p.refunded_minor), 0) FROM purchases p"
								+ " WHERE p.customer_id = c.id AND p.recorded_at > " + daysAgo(c.withinDays()) + ")",
						c.minMinor(), c.maxMinor());
				case PointsBalance c ->
					range("COALESCE((SELECT b.balance FROM points_balances b WHERE b.customer_id = c.id), 0)", c.min(),
							c.max());
				case NeverPurchased c -> (c.never() ? "NOT " : "")
						+ "EXISTS (SELECT 1 FROM purchases p WHERE p.customer_id = c.id AND " + KEPT + ")";
				case Referred c -> "c.referred_by IS " + (c.referred() ? "NOT NULL" : "NULL");
				case Bought c -> bought(c);
				case FavouriteCategory c -> favourite(c);
				case RfmClassIn c ->
					"EXISTS (SELECT 1 FROM customer_scores s WHERE s.customer_id = c.id AND s.rfm_class = ANY("
							+ bind(c.classes().stream().map(Enum::name).toArray(String[]::new)) + "))";
				case ChurnRiskIn c ->
					"EXISTS (SELECT 1 FROM customer_scores s WHERE s.customer_id = c.id AND s.churn_risk = ANY("
							+ bind(c.risks().stream().map(Enum::name).toArray(String[]::new)) + "))";
			};
			this.where.append("\n  AND ").append(condition);
		}

		private String joined(JoinedBetween joined) {
			String from = (joined.from() == null) ? "true" : "c.created_at >= " + bind(startOf(joined.from()));
			String to = (joined.to() == null) ? "true" : "c.created_at < " + bind(startOf(joined.to().plusDays(1)));
			return "(" + from + " AND " + to + ")";
		}

		private String lastPurchase(LastPurchase last) {
			String latest = "(SELECT max(p.recorded_at) FROM purchases p WHERE p.customer_id = c.id AND " + KEPT + ")";
			String more = (last.moreThanDays() == null) ? "true" : latest + " < " + daysAgo(last.moreThanDays());
			String less = (last.lessThanDays() == null) ? "true" : latest + " > " + daysAgo(last.lessThanDays());
			return "(" + latest + " IS NOT NULL AND " + more + " AND " + less + ")";
		}

		private String bought(Bought bought) {
			String category = (bought.category() == null) ? ""
					: " AND lower(i.category) = lower(" + bind(bought.category()) + ")";
			String sku = (bought.sku() == null) ? "" : " AND i.sku = " + bind(bought.sku());
			return "EXISTS (SELECT 1 FROM purchases p JOIN purchase_items i ON i.purchase_id = p.id"
					+ " WHERE p.customer_id = c.id AND " + KEPT + " AND p.recorded_at > " + daysAgo(bought.withinDays())
					+ category + sku + ")";
		}

		private String favourite(FavouriteCategory favourite) {
			return "(SELECT lower(i.category) FROM purchases p JOIN purchase_items i ON i.purchase_id = p.id"
					+ " WHERE p.customer_id = c.id AND " + KEPT + " AND i.category IS NOT NULL AND p.recorded_at > "
					+ daysAgo(FavouriteCategory.WINDOW_DAYS) + " GROUP BY lower(i.category)"
					+ " ORDER BY SUM(i.quantity::bigint * i.unit_price_minor) DESC, lower(i.category) LIMIT 1)"
					+ " = lower(" + bind(favourite.category()) + ")";
		}

		private String range(String expression, @Nullable Long min, @Nullable Long max) {
			if (min != null && max != null) {
				return expression + " BETWEEN " + bind(min) + " AND " + bind(max);
			}
			return (min != null) ? expression + " >= " + bind(min) : expression + " <= " + bind(max);
		}

		private String daysAgo(int days) {
			return bind(this.now.minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC));
		}

		private String bind(Object value) {
			String name = "p" + this.parameters.size();
			this.parameters.put(name, value);
			return ":" + name;
		}

		private static OffsetDateTime startOf(LocalDate day) {
			return day.atStartOfDay().atOffset(ZoneOffset.UTC);
		}

		private static String[] channels(Reach reach) {
			return switch (reach) {
				case TELEGRAM -> new String[] { "TELEGRAM" };
				case WHATSAPP -> new String[] { "WHATSAPP" };
				case ANY -> new String[] { "TELEGRAM", "WHATSAPP" };
			};
		}

	}

}
