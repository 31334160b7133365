package dev.punchcard.core.segment.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import dev.punchcard.core.shared.domain.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * One condition a member must meet to be in a segment. Days count back from the moment
 * the segment is evaluated; money is in minor units, net of refunds; ranges are inclusive
 * and either end may be open ({@code null}). Only active (not blocked) members are ever
 * in a segment.
 */
public sealed interface Criterion {

	/** Largest number of days any criterion looks back. */
	int MAX_DAYS = 3650;

	/** The member's tier is one of these (upper-case names). */
	record TierIn(List<String> tiers) implements Criterion {

		public TierIn {
			tiers = nonEmpty(tiers);
		}

	}

	/** The member's home store is one of these. */
	record HomeStoreIn(List<StoreId> stores) implements Criterion {

		public HomeStoreIn {
			stores = nonEmpty(stores);
		}

	}

	/**
	 * The member has a chat on the channel that takes messages (the bot is not blocked).
	 * Marketing opt-outs do not take a member out: a broadcast leaves opted-out chats out
	 * when it sends, so the segment shows everyone it could reach.
	 */
	record ReachableOn(Reach reach) implements Criterion {

		public ReachableOn {
			Objects.requireNonNull(reach, "reach");
		}

	}

	/** The member's language is one of these tags. */
	record LanguageIn(List<String> languages) implements Criterion {

		public LanguageIn {
			languages = nonEmpty(languages);
		}

	}

	/**
	 * The member joined on or after {@code from} and on or before {@code to} (UTC dates).
	 */
	record JoinedBetween(@Nullable LocalDate from, @Nullable LocalDate to) implements Criterion {

		public JoinedBetween {
			if (from == null && to == null) {
				throw new IllegalArgumentException("a join range needs from, to or both");
			}
			if (from != null && to != null && from.isAfter(to)) {
				throw new IllegalArgumentException("from is after to");
			}
		}

	}

	/**
	 * The member's last purchase was more than {@code moreThanDays} and less than
	 * {@code lessThanDays} days ago. Members who never bought do not match.
	 */
	record LastPurchase(@Nullable Integer moreThanDays, @Nullable Integer lessThanDays) implements Criterion {

		public LastPurchase {
			requireRange(moreThanDays, lessThanDays, "days");
			if (moreThanDays != null && lessThanDays != null && moreThanDays >= lessThanDays) {
				throw new IllegalArgumentException("moreThanDays must be below lessThanDays");
			}
		}

	}

	/**
	 * The member made between {@code min} and {@code max} purchases in the last
	 * {@code withinDays} days; a purchase refunded in full does not count.
	 */
	record PurchaseCount(int withinDays, @Nullable Long min, @Nullable Long max) implements Criterion {

		public PurchaseCount {
			requireDays(withinDays);
			requireRange(min, max, "count");
		}

	}

	/**
	 * The member's net spend (purchases minus refunds) over the last {@code withinDays}
	 * days is between {@code minMinor} and {@code maxMinor}.
	 */
	record NetSpend(int withinDays, @Nullable Long minMinor, @Nullable Long maxMinor) implements Criterion {

		public NetSpend {
			requireDays(withinDays);
			requireRange(minMinor, maxMinor, "spend");
		}

	}

	/** The member's points balance is between {@code min} and {@code max}. */
	record PointsBalance(@Nullable Long min, @Nullable Long max) implements Criterion {

		public PointsBalance {
			requireRange(min, max, "points");
		}

	}

	/** The member never made a purchase ({@code true}), or made at least one. */
	record NeverPurchased(boolean never) implements Criterion {
	}

	/** A friend referred the member ({@code true}), or nobody did. */
	record Referred(boolean referred) implements Criterion {
	}

	/**
	 * The member bought an item of the category and/or with the SKU in the last
	 * {@code withinDays} days; categories compare case-insensitively, SKUs exactly.
	 */
	record Bought(@Nullable String category, @Nullable String sku, int withinDays) implements Criterion {

		public Bought {
			if (category == null && sku == null) {
				throw new IllegalArgumentException("bought needs a category, a sku or both");
			}
			requireDays(withinDays);
		}

	}

	/**
	 * The member's favourite category is this one (case-insensitively): the category with
	 * the largest share of their item spend over the last 365 days, the alphabetically
	 * first on a tie. Items without a category do not count.
	 */
	record FavouriteCategory(String category) implements Criterion {

		/** The window the favourite category is taken over. */
		public static final int WINDOW_DAYS = 365;

		public FavouriteCategory {
			if (category.isBlank()) {
				throw new IllegalArgumentException("a favourite category must not be blank");
			}
		}

	}

	/** The member's RFM class, as of the last recompute, is one of these. */
	record RfmClassIn(List<RfmClass> classes) implements Criterion {

		public RfmClassIn {
			classes = nonEmpty(classes);
		}

	}

	/** The member's churn risk, as of the last recompute, is one of these. */
	record ChurnRiskIn(List<ChurnRisk> risks) implements Criterion {

		public ChurnRiskIn {
			risks = nonEmpty(risks);
		}

	}

	private static <T> List<T> nonEmpty(List<T> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("a list criterion needs at least one value");
		}
		return List.copyOf(values);
	}

	private static void requireDays(int days) {
		if (days < 1 || days > MAX_DAYS) {
			throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ": " + days);
		}
	}

	private static <N extends Number> void requireRange(@Nullable N min, @Nullable N max, String what) {
		if (min == null && max == null) {
			throw new IllegalArgumentException("a " + what + " range needs a lower bound, an upper bound or both");
		}
		if ((min != null && min.longValue() < 0) || (max != null && max.longValue() < 0)) {
			throw new IllegalArgumentException("a " + what + " range must not be negative");
		}
		if (min != null && max != null && min.longValue() > max.longValue()) {
			throw new IllegalArgumentException("a " + what + " range has min above max");
		}
	}

}
