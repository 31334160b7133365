package dev.punchcard.app.console;

import java.math.BigDecimal;
import java.util.Currency;

import org.springframework.stereotype.Component;

/**
 * Amounts in minor units shown in the currency's major units ({@code 1250 EUR} as 12.50).
 */
@Component("consoleMoney")
public class ConsoleMoney {

	public String major(long minor, String currency) {
		int digits;
		try {
			digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		}
		catch (IllegalArgumentException ex) {
			digits = 2;
		}
		return BigDecimal.valueOf(minor).movePointLeft(digits).toPlainString();
	}

}
