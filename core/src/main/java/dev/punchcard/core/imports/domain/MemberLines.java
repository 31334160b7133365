package dev.punchcard.core.imports.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.customer.domain.PhoneNumbers;
import org.jspecify.annotations.Nullable;

/**
 * The columns of a members file and how a line reads: {@code external_id} (required, 1-64
 * printable characters without spaces), {@code name} (required, 1-100 characters),
 * {@code phone} (optional, any common format, stored in E.164), {@code language}
 * (optional, e.g. {@code en} or {@code pt-BR}; {@code en} when blank), {@code home_store}
 * (optional store code), {@code consent} (optional: {@code yes/true/1} or
 * {@code no/false/0}).
 */
public final class MemberLines {

	public static final List<String> REQUIRED = List.of("external_id", "name");

	static final Pattern EXTERNAL_ID = Pattern.compile("[\\x21-\\x7E]{1,64}");

	static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2,4})?");

	static final Pattern STORE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	private final PhoneNumbers phones;

	private final String defaultLanguage;

	public MemberLines(PhoneNumbers phones, String defaultLanguage) {
		this.phones = phones;
		this.defaultLanguage = defaultLanguage;
	}

	/** The line as a member, or refused with the first problem found. */
	public ParsedLine<MemberRow> parse(CsvHeader header, SourceLine line) {
		LineReader reader = new LineReader(header, line);
		if (!reader.ok()) {
			return reader.refused();
		}
		String externalId = reader.matching(reader.required("external_id", 64), EXTERNAL_ID, "external_id",
				"1-64 printable characters without spaces");
		String name = reader.required("name", Customer.MAX_NAME_LENGTH);
		String phone = phone(reader, reader.optional("phone", 32));
		String language = reader.matching(reader.optional("language", 12), LANGUAGE, "language",
				"a language tag like en or pt-BR");
		String store = reader.matching(reader.optional("home_store", 32), STORE, "home_store", "a store code");
		Boolean optedOut = optedOut(reader, reader.optional("consent", 8));
		if (!reader.ok() || externalId == null || name == null) {
			return reader.refused();
		}
		return reader.result(new MemberRow(line.lineNo(), externalId, name, phone,
				(language == null) ? this.defaultLanguage : language, store, optedOut));
	}

	private @Nullable String phone(LineReader reader, @Nullable String given) {
		if (given == null) {
			return null;
		}
		Optional<String> e164 = this.phones.toE164(given);
		if (e164.isEmpty()) {
			reader.refuse("bad phone: not a phone number");
			return null;
		}
		return e164.get();
	}

	private static @Nullable Boolean optedOut(LineReader reader, @Nullable String consent) {
		if (consent == null) {
			return null;
		}
		return switch (consent.toLowerCase(Locale.ROOT)) {
			case "yes", "true", "1", "y" -> false;
			case "no", "false", "0", "n" -> true;
			default -> {
				reader.refuse("bad consent '" + consent + "': must be yes or no");
				yield null;
			}
		};
	}

}
