package dev.punchcard.core.customer.domain;

import java.time.Instant;
import java.util.Objects;

import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.PlainText;
import dev.punchcard.core.shared.domain.StoreId;
import org.jspecify.annotations.Nullable;

/**
 * A customer of the loyalty program.
 *
 * @param id customer id
 * @param name display name
 * @param phone phone number in E.164, when known
 * @param language IETF language tag of their messages, e.g. {@code en}
 * @param homeStoreId store they enrolled with
 * @param referralCode their own code to refer friends
 * @param referredBy who referred them
 * @param status whether they may earn and redeem
 * @param cardNumber serial of their current member card
 * @param tier current tier name
 * @param createdAt member since
 */
public record Customer(CustomerId id, String name, @Nullable String phone, String language,
		@Nullable StoreId homeStoreId, String referralCode, @Nullable CustomerId referredBy, CustomerStatus status,
		long cardNumber, String tier, Instant createdAt) {

	public static final int MAX_NAME_LENGTH = 100;

	public Customer {
		Objects.requireNonNull(name, "name");
		if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("a customer's name must have 1-100 characters");
		}
		PlainText.requireSingleLine(name, "a customer's name");
	}

	/**
	 * A display name a chat platform gave, made storable: control characters become
	 * spaces (never refused: a shopper with an odd name still joins), whitespace runs
	 * collapse, an over-long name is cut without splitting an emoji, and an empty one
	 * becomes "Member".
	 */
	public static String fromChatName(String platformName) {
		String clean = PlainText.sanitizedSingleLine(platformName);
		if (clean.isEmpty()) {
			return "Member";
		}
		if (clean.length() <= MAX_NAME_LENGTH) {
			return clean;
		}
		int end = Character.isHighSurrogate(clean.charAt(MAX_NAME_LENGTH - 1)) ? MAX_NAME_LENGTH - 1 : MAX_NAME_LENGTH;
		return clean.substring(0, end).strip();
	}

	@Override
	public String toString() {
		// no name or phone in logs
		return "Customer[" + this.id + "]";
	}

}
