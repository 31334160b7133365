package dev.punchcard.bot.reply;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/**
 * Money as people read and type it: {@code 12.50 EUR}, and typed amounts like
 * {@code 12,5} back to minor units.
 */
public final class Amounts {

	private Amounts() {
	}

	public static String format(long minorUnits, String currencyCode) {
		Currency currency = Currency.getInstance(currencyCode);
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		return BigDecimal.valueOf(minorUnits, digits).toPlainString() + " " + currencyCode;
	}

	/**
	 * Minor units of a typed amount, or empty when it is not a positive amount with at
	 * most the currency's digits.
	 */
	public static Optional<Long> parse(String typed, String currencyCode) {
		String text = typed.strip().replace(',', '.').replace(" ", "");
		if (!text.matches("\\d{1,10}(\\.\\d{1,3})?")) {
			return Optional.empty();
		}
		int digits = Math.max(Currency.getInstance(currencyCode).getDefaultFractionDigits(), 0);
		BigDecimal amount = new BigDecimal(text);
		if (amount.scale() > digits) {
			return Optional.empty();
		}
		long minor = amount.setScale(digits, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
		return minor > 0 ? Optional.of(minor) : Optional.empty();
	}

}
