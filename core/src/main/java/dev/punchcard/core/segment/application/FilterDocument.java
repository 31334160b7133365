package dev.punchcard.core.segment.application;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.shared.domain.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * A filter as a JSON-like document (maps, lists, strings, whole numbers, booleans), both
 * ways: {@link #read} checks every field and names each one that is unknown or wrong;
 * {@link #write} gives the document back. The one shape of requests and of stored
 * segments.
 */
public final class FilterDocument {

	/** Largest whole number a count, amount or balance bound may be. */
	public static final long MAX_BOUND = 1_000_000_000_000L;

	private final List<String> tiers;

	private final Set<String> languages;

	/**
	 * @param tiers the program's tier names
	 * @param languages the language tags members may have
	 */
	public FilterDocument(List<String> tiers, Set<String> languages) {
		this.tiers = List.copyOf(tiers);
		this.languages = Set.copyOf(languages);
	}

	/**
	 * Reads a filter; a field path in an error starts with {@code prefix} (e.g.
	 * {@code filter}).
	 */
	public Read read(Map<String, ?> document, String prefix) {
		return new FilterReader(this.tiers, this.languages, prefix, false).read(document);
	}

	/**
	 * Reads a filter saved earlier, as {@link #read} does, except that tier and language
	 * names the configuration no longer has (a tier renamed since) are kept: they match
	 * the members who still have them, so the segment still loads and counts truthfully
	 * instead of failing.
	 */
	public Read readStored(Map<String, ?> document, String prefix) {
		return new FilterReader(this.tiers, this.languages, prefix, true).read(document);
	}

	/** The filter as a document that {@link #read} reads back to an equal filter. */
	public static Map<String, Object> write(SegmentFilter filter) {
		Map<String, Object> document = new LinkedHashMap<>();
		for (Criterion criterion : filter.criteria()) {
			switch (criterion) {
				case TierIn c -> document.put("tiers", c.tiers());
				case HomeStoreIn c -> document.put("homeStoreIds", c.stores().stream().map(StoreId::toString).toList());
				case ReachableOn c -> document.put("reachableOn", c.reach().name());
				case LanguageIn c -> document.put("languages", c.languages());
				case JoinedBetween c -> document.put("joined", bounds("from", c.from(), "to", c.to()));
				case LastPurchase c -> document.put("lastPurchase",
						bounds("moreThanDays", c.moreThanDays(), "lessThanDays", c.lessThanDays()));
				case PurchaseCount c ->
					document.put("purchaseCount", within(c.withinDays(), "min", c.min(), "max", c.max()));
				case NetSpend c -> document.put("netSpend",
						within(c.withinDays(), "minMinor", c.minMinor(), "maxMinor", c.maxMinor()));
				case PointsBalance c -> document.put("pointsBalance", bounds("min", c.min(), "max", c.max()));
				case NeverPurchased c -> document.put("neverPurchased", c.never());
				case Referred c -> document.put("referred", c.referred());
				case Bought c -> document.put("bought", bought(c));
				case FavouriteCategory c -> document.put("favouriteCategory", c.category());
				case RfmClassIn c -> document.put("rfmClasses", c.classes().stream().map(Enum::name).toList());
				case ChurnRiskIn c -> document.put("churnRisks", c.risks().stream().map(Enum::name).toList());
			}
		}
		return document;
	}

	private static Map<String, Object> bounds(String lowName, @Nullable Object low, String highName,
			@Nullable Object high) {
		Map<String, Object> range = new LinkedHashMap<>();
		if (low != null) {
			range.put(lowName, (low instanceof LocalDate date) ? date.toString() : low);
		}
		if (high != null) {
			range.put(highName, (high instanceof LocalDate date) ? date.toString() : high);
		}
		return range;
	}

	private static Map<String, Object> within(int days, String lowName, @Nullable Long low, String highName,
			@Nullable Long high) {
		Map<String, Object> range = new LinkedHashMap<>();
		range.put("withinDays", days);
		range.putAll(bounds(lowName, low, highName, high));
		return range;
	}

	private static Map<String, Object> bought(Bought bought) {
		Map<String, Object> document = new LinkedHashMap<>();
		if (bought.category() != null) {
			document.put("category", bought.category());
		}
		if (bought.sku() != null) {
			document.put("sku", bought.sku());
		}
		document.put("withinDays", bought.withinDays());
		return document;
	}

	/** A filter that was read, or every error found. */
	public sealed interface Read {

		record Valid(SegmentFilter filter) implements Read {
		}

		record Invalid(List<FieldError> errors) implements Read {

			public Invalid {
				errors = errors.stream().sorted().toList();
			}

		}

	}

	/** The filter fields, as documented in the README. */
	public static final List<String> FIELDS = List.of("tiers", "homeStoreIds", "reachableOn", "languages", "joined",
			"lastPurchase", "purchaseCount", "netSpend", "pointsBalance", "neverPurchased", "referred", "bought",
			"favouriteCategory", "rfmClasses", "churnRisks");

}
