package dev.punchcard.core.shared.domain;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in minor units (cents) of an ISO 4217 currency. Never a floating
 * point number.
 *
 * @param minorUnits amount in the currency's minor units
 * @param currency the currency
 */
public record Money(long minorUnits, Currency currency) {

	public Money {
		Objects.requireNonNull(currency, "currency");
	}

	public static Money of(long minorUnits, String currencyCode) {
		return new Money(minorUnits, Currency.getInstance(currencyCode));
	}

	public boolean isPositive() {
		return this.minorUnits > 0;
	}

	@Override
	public String toString() {
		return this.minorUnits + " " + this.currency.getCurrencyCode() + " (minor units)";
	}

}
