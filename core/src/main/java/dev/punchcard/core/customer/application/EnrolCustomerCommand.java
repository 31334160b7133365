package dev.punchcard.core.customer.application;

import org.jspecify.annotations.Nullable;

/**
 * A customer joins the program.
 *
 * @param name display name
 * @param phone phone number in any common format, optional
 * @param language IETF language tag, e.g. {@code en}
 * @param homeStoreCode store they join at, optional
 */
public record EnrolCustomerCommand(String name, @Nullable String phone, String language,
		@Nullable String homeStoreCode) {

	@Override
	public String toString() {
		return "EnrolCustomerCommand[store=" + this.homeStoreCode + "]";
	}

}
