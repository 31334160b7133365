package dev.punchcard.app.console;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * How the console writes numbers in one language, on every page: counts and points with
 * the language's grouping ({@code 12,345} in English, {@code 12 345} in Russian, with a
 * no-break space), amounts from minor units in the currency's own decimals
 * ({@code 1250 EUR} as {@code 12.50}, {@code 1250 JPY} as {@code 1,250}), and a count
 * with its noun in the right plural form ({@code 21 балл}, {@code 5 баллов}). Templates
 * reach it as {@code #fmt} (see {@link ConsoleDialect}), handlers hand it {@link Count}
 * and {@link Amount} arguments through the page's message.
 * <p>
 * A noun's forms are the messages {@code count.<noun>.one|few|many|other}; a sentence
 * with plural forms is written the same way ({@code <key>.one}, ...), its form chosen by
 * argument {@code {0}}. A form a language does not have falls back to {@code other}.
 */
public final class ConsoleFormat {

	private final MessageSource messages;

	private final Locale locale;

	public ConsoleFormat(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/**
	 * A count of something, to be written with its noun: {@code new Count(21, "points")}.
	 */
	public record Count(long value, String noun) {
	}

	/** An amount in the currency's minor units, written with the currency's code. */
	public record Amount(long minor, String currency) {
	}

	/** A whole number with the language's grouping. */
	public String number(long value) {
		return NumberFormat.getIntegerInstance(this.locale).format(value);
	}

	/**
	 * A number with exactly {@code digits} digits after the decimal point (rounded half
	 * up).
	 */
	public String decimal(double value, int digits) {
		return decimal(shown(value, digits));
	}

	/** Minor units in major units, in the currency's decimals, without its code. */
	public String amount(long minor, String currency) {
		return decimal(major(minor, currency));
	}

	/** Minor units in major units with the currency's code: {@code 12,345.50 EUR}. */
	public String money(long minor, String currency) {
		return amount(minor, currency) + "\u00a0" + currency;
	}

	/**
	 * A whole count with its noun: {@code 1 point}, {@code 21 балл},
	 * {@code 12 345 баллов}.
	 */
	public String count(long value, String noun) {
		return text(form("count." + noun, PluralForm.of(value, this.locale)), number(value));
	}

	/**
	 * A count shown with {@code digits} decimals, with its noun: {@code 1.5 messages}.
	 */
	public String count(double value, int digits, String noun) {
		BigDecimal shown = shown(value, digits);
		return text(form("count." + noun, PluralForm.of(shown, this.locale)), decimal(shown));
	}

	/**
	 * The message {@code key} with its arguments written as above ({@link Count},
	 * {@link Amount}, whole numbers grouped); a sentence with plural forms takes the form
	 * of argument {@code {0}}.
	 */
	public String message(String key, @Nullable Object... arguments) {
		Object[] given = (arguments == null) ? new Object[0] : arguments;
		Object[] written = new Object[given.length];
		for (int i = 0; i < given.length; i++) {
			written[i] = write(given[i]);
		}
		PluralForm form = (given.length == 0) ? null : formOf(given[0]);
		String code = (form != null && exists(key + ".other")) ? form(key, form) : key;
		return text(code, written);
	}

	/**
	 * Minor units as a decimal in major units, in the currency's decimals (two if
	 * unknown).
	 */
	public static BigDecimal major(long minor, String currency) {
		int digits;
		try {
			digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		}
		catch (IllegalArgumentException unknown) {
			digits = 2;
		}
		return BigDecimal.valueOf(minor, digits);
	}

	private @Nullable Object write(@Nullable Object argument) {
		return switch (argument) {
			case Count count -> count(count.value(), count.noun());
			case Amount amount -> money(amount.minor(), amount.currency());
			case Long value -> number(value);
			case Integer value -> number(value);
			case Short value -> number(value);
			case BigInteger value -> NumberFormat.getIntegerInstance(this.locale).format(value);
			case BigDecimal value -> decimal(value);
			case null, default -> argument;
		};
	}

	private @Nullable PluralForm formOf(@Nullable Object argument) {
		return switch (argument) {
			case Count count -> PluralForm.of(count.value(), this.locale);
			case Long value -> PluralForm.of(value, this.locale);
			case Integer value -> PluralForm.of(value, this.locale);
			case BigDecimal value -> PluralForm.of(value, this.locale);
			case null, default -> null;
		};
	}

	/** The key of the form, or of {@code other} when the language has no such form. */
	private String form(String key, PluralForm form) {
		String code = key + "." + form.key();
		return exists(code) ? code : key + "." + PluralForm.OTHER.key();
	}

	private boolean exists(String code) {
		return this.messages.getMessage(code, null, null, this.locale) != null;
	}

	private String text(String code, @Nullable Object... arguments) {
		String text = this.messages.getMessage(code, arguments, null, this.locale);
		return (text == null) ? "??" + code + "_" + this.locale + "??" : text;
	}

	private String decimal(BigDecimal value) {
		NumberFormat format = NumberFormat.getNumberInstance(this.locale);
		format.setMinimumFractionDigits(Math.max(0, value.scale()));
		format.setMaximumFractionDigits(Math.max(0, value.scale()));
		return format.format(value);
	}

	private static BigDecimal shown(double value, int digits) {
		return BigDecimal.valueOf(value).setScale(Math.max(0, digits), RoundingMode.HALF_UP);
	}

}
