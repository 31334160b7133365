package dev.punchcard.core.store.domain;

import java.util.regex.Pattern;

import dev.punchcard.core.shared.domain.PlainText;
import dev.punchcard.core.shared.domain.StoreId;

/**
 * A store of the brand.
 *
 * @param id store id
 * @param code short code used on posters, tills and deep links
 * @param name display name
 * @param active whether purchases may be recorded there
 */
public record Store(StoreId id, String code, String name, boolean active) {

	public static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	public Store {
		if (!CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("store code must be 1-32 letters, digits, _ or -");
		}
		PlainText.requireSingleLine(name, "a store's name");
	}

}
