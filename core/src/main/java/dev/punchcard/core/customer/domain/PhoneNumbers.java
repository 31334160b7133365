package dev.punchcard.core.customer.domain;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Normalises phone numbers to E.164 ({@code +4915112345678}) with libphonenumber. Numbers
 * without a country code are read in the program's default region.
 */
public final class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private final String defaultRegion;

	public PhoneNumbers(String defaultRegion) {
		if (!UTIL.getSupportedRegions().contains(defaultRegion)) {
			throw new IllegalArgumentException("unknown phone region " + defaultRegion);
		}
		this.defaultRegion = defaultRegion;
	}

	/** The number in E.164, or empty when it is not a valid phone number. */
	public Optional<String> toE164(String text) {
		if (text.length() > 32) {
			return Optional.empty();
		}
		String trimmed = text.strip();
		// Telegram shares contacts without a leading + (e.g. 4915112345678): a long digit
		// string is international
		String candidate = trimmed.matches("[1-9][0-9]{10,14}") ? "+" + trimmed : trimmed;
		try {
			PhoneNumber number = UTIL.parse(candidate, this.defaultRegion);
			return UTIL.isValidNumber(number) ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164))
					: Optional.empty();
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

}
