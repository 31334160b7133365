package dev.punchcard.core.segment.application;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.punchcard.core.segment.domain.ChurnRisk;
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
import dev.punchcard.core.segment.domain.RfmClass;
import dev.punchcard.core.segment.domain.SegmentFilter;
import dev.punchcard.core.shared.domain.PlainText;
import dev.punchcard.core.shared.domain.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * Reads one filter document, collecting an error for every field that is unknown or wrong
 * instead of stopping at the first.
 */
final class FilterReader {

	private static final int MAX_LIST = 100;

	private static final int MAX_TEXT = 100;

	private final List<String> tiers;

	private final Set<String> languages;

	private final String prefix;

	private final List<FieldError> errors = new ArrayList<>();

	private final List<Criterion> criteria = new ArrayList<>();

	/** Whether tier and language names the configuration no longer has are kept. */
	private final boolean stored;

	FilterReader(List<String> tiers, Set<String> languages, String prefix, boolean stored) {
		this.tiers = tiers;
		this.languages = languages;
		this.prefix = prefix;
		this.stored = stored;
	}

	FilterDocument.Read read(Map<String, ?> document) {
		for (Map.Entry<String, ?> field : document.entrySet()) {
			if (field.getValue() != null) {
				criterion(field.getKey(), field.getValue());
			}
		}
		if (!this.errors.isEmpty()) {
			return new FilterDocument.Read.Invalid(this.errors);
		}
		return new FilterDocument.Read.Valid(new SegmentFilter(this.criteria));
	}

	private void criterion(String key, Object value) {
		String path = this.prefix + "." + shown(key);
		switch (key) {
			case "tiers" -> names(path, value, this.tiers, (list) -> new TierIn(list));
			case "homeStoreIds" -> stores(path, value);
			case "reachableOn" -> oneOf(path, value, Reach.class).ifPresentOrAdd((reach) -> new ReachableOn(reach));
			case "languages" -> names(path, value, List.copyOf(this.languages).stream().sorted().toList(),
					(list) -> new LanguageIn(list));
			case "joined" -> joined(path, value);
			case "lastPurchase" -> lastPurchase(path, value);
			case "purchaseCount" ->
				windowed(path, value, "min", "max", (days, min, max) -> new PurchaseCount(days, min, max));
			case "netSpend" ->
				windowed(path, value, "minMinor", "maxMinor", (days, min, max) -> new NetSpend(days, min, max));
			case "pointsBalance" -> pointsBalance(path, value);
			case "neverPurchased" -> flag(path, value, (flag) -> new NeverPurchased(flag));
			case "referred" -> flag(path, value, (flag) -> new Referred(flag));
			case "bought" -> bought(path, value);
			case "favouriteCategory" -> {
				String category = text(path, value);
				if (category != null) {
					this.criteria.add(new FavouriteCategory(category));
				}
			}
			case "rfmClasses" -> enums(path, value, RfmClass.class, (list) -> new RfmClassIn(list));
			case "churnRisks" -> enums(path, value, ChurnRisk.class, (list) -> new ChurnRiskIn(list));
			default ->
				error(path, "is not a filter field; known fields are " + String.join(", ", FilterDocument.FIELDS));
		}
	}

	private void names(String path, Object value, List<String> known, Function<List<String>, Criterion> make) {
		List<String> names = strings(path, value);
		if (names == null) {
			return;
		}
		List<String> unknown = names.stream().filter((name) -> !known.contains(name)).toList();
		if (!unknown.isEmpty() && !this.stored) {
			error(path, "unknown " + String.join(", ", unknown) + "; known are " + String.join(", ", known));
			return;
		}
		this.criteria.add(make.apply(names.stream().distinct().toList()));
	}

	private void stores(String path, Object value) {
		List<String> ids = strings(path, value);
		if (ids == null) {
			return;
		}
		List<StoreId> stores = new ArrayList<>();
		for (String id : ids) {
			try {
				stores.add(new StoreId(canonicalUuid(id)));
			}
			catch (IllegalArgumentException notUuid) {
				error(path, "must hold store ids (UUIDs), not " + id);
				return;
			}
		}
		this.criteria.add(new HomeStoreIn(stores.stream().distinct().toList()));
	}

	private <E extends Enum<E>> void enums(String path, Object value, Class<E> type,
			Function<List<E>, Criterion> make) {
		List<String> names = strings(path, value);
		if (names == null) {
			return;
		}
		List<E> values = new ArrayList<>();
		for (String name : names) {
			Found<E> known = oneOf(path, name, type);
			if (known.value == null) {
				return;
			}
			values.add(known.value);
		}
		this.criteria.add(make.apply(values.stream().distinct().toList()));
	}

	private <E extends Enum<E>> Found<E> oneOf(String path, Object value, Class<E> type) {
		String known = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
		if (value instanceof String name) {
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equals(name)) {
					return new Found<>(constant);
				}
			}
			error(path, "unknown " + shown(name) + "; known are " + known);
			return new Found<>(null);
		}
		error(path, "must be one of " + known);
		return new Found<>(null);
	}

	private void joined(String path, Object value) {
		Map<String, ?> range = object(path, value, "from", "to");
		if (range == null) {
			return;
		}
		int before = this.errors.size();
		LocalDate from = date(path + ".from", range.get("from"));
		LocalDate to = date(path + ".to", range.get("to"));
		if (before != this.errors.size()) {
			return;
		}
		if (from == null && to == null) {
			error(path, "needs from, to or both");
		}
		else if (from != null && to != null && from.isAfter(to)) {
			error(path, "from must not be after to");
		}
		else {
			this.criteria.add(new JoinedBetween(from, to));
		}
	}

	private void lastPurchase(String path, Object value) {
		Map<String, ?> range = object(path, value, "moreThanDays", "lessThanDays");
		if (range == null) {
			return;
		}
		int before = this.errors.size();
		Long more = days(path + ".moreThanDays", range.get("moreThanDays"), false);
		Long less = days(path + ".lessThanDays", range.get("lessThanDays"), false);
		if (before != this.errors.size()) {
			return;
		}
		if (more == null && less == null) {
			error(path, "needs moreThanDays, lessThanDays or both");
		}
		else if (more != null && less != null && more >= less) {
			error(path, "moreThanDays must be below lessThanDays");
		}
		else {
			this.criteria.add(new LastPurchase(toInt(more), toInt(less)));
		}
	}

	private void windowed(String path, Object value, String lowName, String highName, Windowed make) {
		Map<String, ?> range = object(path, value, "withinDays", lowName, highName);
		if (range == null) {
			return;
		}
		Long days = days(path + ".withinDays", range.get("withinDays"), true);
		@Nullable Long[] bounds = bounds(path, range, lowName, highName);
		if (days != null && bounds != null) {
			this.criteria.add(make.make(days.intValue(), bounds[0], bounds[1]));
		}
	}

	private void pointsBalance(String path, Object value) {
		Map<String, ?> range = object(path, value, "min", "max");
		if (range == null) {
			return;
		}
		@Nullable Long[] bounds = bounds(path, range, "min", "max");
		if (bounds != null) {
			this.criteria.add(new PointsBalance(bounds[0], bounds[1]));
		}
	}

	private @Nullable Long @Nullable [] bounds(String path, Map<String, ?> range, String lowName, String highName) {
		int before = this.errors.size();
		Long low = whole(path + "." + lowName, range.get(lowName), 0, FilterDocument.MAX_BOUND);
		Long high = whole(path + "." + highName, range.get(highName), 0, FilterDocument.MAX_BOUND);
		if (before != this.errors.size()) {
			return null;
		}
		if (low == null && high == null) {
			error(path, "needs " + lowName + ", " + highName + " or both");
			return null;
		}
		if (low != null && high != null && low > high) {
			error(path, lowName + " must not be above " + highName);
			return null;
		}
		return new @Nullable Long[] { low, high };
	}

	private void bought(String path, Object value) {
		Map<String, ?> bought = object(path, value, "category", "sku", "withinDays");
		if (bought == null) {
			return;
		}
		int before = this.errors.size();
		String category = (bought.get("category") == null) ? null : text(path + ".category", bought.get("category"));
		String sku = (bought.get("sku") == null) ? null : text(path + ".sku", bought.get("sku"));
		Long days = days(path + ".withinDays", bought.get("withinDays"), true);
		if (before != this.errors.size()) {
			return;
		}
		if (category == null && sku == null) {
			error(path, "needs a category, a sku or both");
			return;
		}
		this.criteria.add(new Bought(category, sku, days.intValue()));
	}

	private void flag(String path, Object value, Function<Boolean, Criterion> make) {
		if (value instanceof Boolean flag) {
			this.criteria.add(make.apply(flag));
		}
		else {
			error(path, "must be true or false");
		}
	}

	private @Nullable Map<String, ?> object(String path, Object value, String... fields) {
		if (!(value instanceof Map<?, ?> map)) {
			error(path, "must be an object with " + String.join(", ", fields));
			return null;
		}
		Map<String, Object> object = new LinkedHashMap<>();
		boolean clean = true;
		for (Map.Entry<?, ?> field : map.entrySet()) {
			String name = String.valueOf(field.getKey());
			if (!List.of(fields).contains(name)) {
				error(path + "." + shown(name),
						"is not a field of " + path + "; known fields are " + String.join(", ", fields));
				clean = false;
			}
			object.put(name, field.getValue());
		}
		return clean ? object : null;
	}

	private @Nullable List<String> strings(String path, Object value) {
		if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > MAX_LIST) {
			error(path, "must be a list of 1 to " + MAX_LIST + " texts");
			return null;
		}
		List<String> texts = new ArrayList<>();
		for (Object item : list) {
			if (!(item instanceof String text) || !PlainText.isSingleLine(text)) {
				error(path, "must hold texts without control characters");
				return null;
			}
			texts.add(text);
		}
		return texts;
	}

	private @Nullable String text(String path, Object value) {
		if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
			error(path, "must be a text of 1 to " + MAX_TEXT + " characters");
			return null;
		}
		if (!PlainText.isSingleLine(text)) {
			error(path, "must not contain control characters");
			return null;
		}
		return text.strip();
	}

	private @Nullable LocalDate date(String path, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		try {
			if (value instanceof String text && text.length() == 10) {
				return LocalDate.parse(text);
			}
		}
		catch (DateTimeParseException ex) {
			// answered below
		}
		error(path, "must be a date like 2026-01-31");
		return null;
	}

	private @Nullable Long days(String path, @Nullable Object value, boolean required) {
		if (value == null) {
			if (required) {
				error(path, "is required: a number of days from 1 to " + Criterion.MAX_DAYS);
			}
			return null;
		}
		return whole(path, value, 1, Criterion.MAX_DAYS);
	}

	private @Nullable Long whole(String path, @Nullable Object value, long min, long max) {
		if (value == null) {
			return null;
		}
		boolean whole = value instanceof Integer || value instanceof Long || value instanceof Short
				|| value instanceof Byte;
		if (whole && ((Number) value).longValue() >= min && ((Number) value).longValue() <= max) {
			return ((Number) value).longValue();
		}
		error(path, "must be a whole number from " + min + " to " + max);
		return null;
	}

	private void error(String path, String message) {
		this.errors.add(new FieldError(path, message));
	}

	private static @Nullable Integer toInt(@Nullable Long value) {
		return (value == null) ? null : value.intValue();
	}

	private static String shown(String value) {
		return PlainText.isSingleLine(value) && value.length() <= MAX_TEXT ? value : "value";
	}

	private static UUID canonicalUuid(String text) {
		if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
			throw new IllegalArgumentException("not a UUID");
		}
		return UUID.fromString(text.toLowerCase(Locale.ROOT));
	}

	/** A found value or none, adding the criterion it makes when there is one. */
	private final class Found<T> {

		private final @Nullable T value;

		Found(@Nullable T value) {
			this.value = value;
		}

		void ifPresentOrAdd(Function<T, Criterion> make) {
			if (this.value != null) {
				FilterReader.this.criteria.add(make.apply(this.value));
			}
		}

	}

	@FunctionalInterface
	interface Windowed {

		Criterion make(int days, @Nullable Long min, @Nullable Long max);

	}

}
