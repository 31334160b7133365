package dev.punchcard.app.console;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The CLDR plural category a number takes in the console's languages, which picks the
 * form of the noun counted: English {@code 1 point, 2 points}; Russian
 * {@code 1 балл, 2 балла, 5 баллов, 11 баллов, 21 балл}, and the {@link #OTHER} form for
 * numbers shown with a fraction ({@code 1,5 балла}). Only English and Russian are spoken
 * here; any other language counts as English does.
 */
enum PluralForm {

	ONE, FEW, MANY, OTHER;

	/**
	 * The key suffix of this form in the messages: {@code one}, {@code few},
	 * {@code many}, {@code other}.
	 */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The form for a whole number. */
	static PluralForm of(long number, Locale locale) {
		if ("ru".equals(locale.getLanguage())) {
			return russian(number);
		}
		return (number == 1 || number == -1) ? ONE : OTHER;
	}

	/**
	 * The form for a number as it is shown: digits after the decimal point, even zeros
	 * ({@code 2.0}), take {@link #OTHER} in both languages.
	 */
	static PluralForm of(BigDecimal shown, Locale locale) {
		if (shown.scale() > 0) {
			return OTHER;
		}
		return of(shown.longValue(), locale);
	}

	/**
	 * CLDR: one is i%10=1 but not i%100=11; few is i%10=2..4 but not i%100=12..14; many
	 * the rest.
	 */
	private static PluralForm russian(long number) {
		long lastTwo = Math.abs(number % 100);
		long last = lastTwo % 10;
		if (last == 1 && lastTwo != 11) {
			return ONE;
		}
		if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
			return FEW;
		}
		return MANY;
	}

}
