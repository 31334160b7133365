package dev.punchcard.core.imports.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.punchcard.core.customer.domain.PhoneNumbers;
import dev.punchcard.core.imports.domain.CustomerKey.CardCode;
import dev.punchcard.core.imports.domain.CustomerKey.ExternalId;
import dev.punchcard.core.imports.domain.CustomerKey.Phone;
import dev.punchcard.core.purchase.domain.LineItem;
import org.jspecify.annotations.Nullable;

/**
 * The columns of a purchases file and how a line reads: the customer by
 * {@code customer_external_id}, {@code card_code} or {@code phone} (the first given, in
 * that order), {@code store} (store code), {@code receipt_no} (1-64 printable characters
 * without spaces), {@code time} (ISO-8601 with an offset, e.g.
 * {@code 2026-11-30T18:05:00+01:00}, not in the future), {@code amount} (a decimal in the
 * program currency, e.g. {@code 12.34}) and {@code items} (optional, see
 * {@link #ITEMS_FORMAT}).
 */
public final class PurchaseLines {

	public static final List<String> REQUIRED = List.of("store", "receipt_no", "time", "amount");

	/** The items column's format, as a rejection quotes it. */
	public static final String ITEMS_FORMAT = "sku|quantity|unit_price[|name[|category]] separated by ;";

	static final int MAX_ITEMS = 500;

	/** A till's clock runs a little ahead at most. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	static final Pattern RECEIPT = Pattern.compile("[\\x21-\\x7E]{1,64}");

	private static final Pattern QUANTITY = Pattern.compile("[1-9][0-9]{0,6}");

	private final PhoneNumbers phones;

	private final Currency currency;

	public PurchaseLines(PhoneNumbers phones, Currency currency) {
		this.phones = phones;
		this.currency = currency;
	}

	/** The line as a purchase, or refused with the first problem found. */
	public ParsedLine<PurchaseRow> parse(CsvHeader header, SourceLine line, Instant now) {
		LineReader reader = new LineReader(header, line);
		if (!reader.ok()) {
			return reader.refused();
		}
		CustomerKey customer = customer(reader);
		String store = reader.matching(reader.required("store", 32), MemberLines.STORE, "store", "a store code");
		String receipt = reader.matching(reader.required("receipt_no", 64), RECEIPT, "receipt_no",
				"1-64 printable characters without spaces");
		Instant at = time(reader, reader.required("time", 40), now);
		long amount = reader.minorUnits(reader.required("amount", 20), this.currency, "amount", false);
		List<LineItem> items = items(reader, reader.optional("items", 100_000));
		if (!reader.ok() || customer == null || store == null || receipt == null || at == null) {
			return reader.refused();
		}
		return reader.result(new PurchaseRow(line.lineNo(), customer, store, receipt, at, amount, items));
	}

	private @Nullable CustomerKey customer(LineReader reader) {
		String externalId = reader.optional("customer_external_id", 64);
		if (externalId != null) {
			return new ExternalId(externalId);
		}
		String cardCode = reader.optional("card_code", 64);
		if (cardCode != null) {
			return new CardCode(cardCode);
		}
		String phone = reader.optional("phone", 32);
		if (phone != null) {
			Optional<String> e164 = this.phones.toE164(phone);
			if (e164.isEmpty()) {
				reader.refuse("bad phone: not a phone number");
				return null;
			}
			return new Phone(e164.get());
		}
		reader.refuse("missing customer: give customer_external_id, card_code or phone");
		return null;
	}

	private static @Nullable Instant time(LineReader reader, @Nullable String value, Instant now) {
		if (value == null) {
			return null;
		}
		try {
			Instant at = OffsetDateTime.parse(value).toInstant();
			if (at.isAfter(now.plus(CLOCK_SKEW))) {
				reader.refuse("bad time '" + value + "': in the future");
				return null;
			}
			return at;
		}
		catch (DateTimeParseException ex) {
			reader.refuse("bad time '" + value + "': must be ISO-8601 with an offset, like 2026-11-30T18:05:00+01:00");
			return null;
		}
	}

	private List<LineItem> items(LineReader reader, @Nullable String value) {
		if (value == null) {
			return List.of();
		}
		String[] lines = value.split(";", -1);
		if (lines.length > MAX_ITEMS) {
			reader.refuse("bad items: more than " + MAX_ITEMS);
			return List.of();
		}
		List<LineItem> items = new ArrayList<>(lines.length);
		for (int i = 0; i < lines.length; i++) {
			String[] parts = lines[i].split("\\|", -1);
			String where = "bad items: item " + (i + 1) + " ";
			if (parts.length < 3 || parts.length > 5 || parts[0].isBlank() || parts[0].strip().length() > 64) {
				reader.refuse(where + "must be " + ITEMS_FORMAT);
				return List.of();
			}
			if (!QUANTITY.matcher(parts[1].strip()).matches() || Integer.parseInt(parts[1].strip()) > 1_000_000) {
				reader.refuse(where + "needs a quantity of 1 to 1000000");
				return List.of();
			}
			long price = reader.minorUnits(parts[2].strip(), this.currency, "unit price of item " + (i + 1), true);
			String name = (parts.length > 3 && !parts[3].isBlank()) ? parts[3].strip() : null;
			String category = (parts.length > 4 && !parts[4].isBlank()) ? parts[4].strip() : null;
			if ((name != null && name.length() > 200) || (category != null && category.length() > 100)) {
				reader.refuse(where + "has a name over 200 or a category over 100 characters");
				return List.of();
			}
			if (price < 0) {
				return List.of();
			}
			items.add(new LineItem(parts[0].strip(), name, category, Integer.parseInt(parts[1].strip()), price));
		}
		return items;
	}

}
