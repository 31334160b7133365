package dev.punchcard.core.customer.application;

import dev.punchcard.core.customer.domain.Customer;
import org.jspecify.annotations.Nullable;

/**
 * A customer with the figures a profile shows.
 *
 * @param customer the customer
 * @param homeStoreCode code of their home store
 * @param balance points balance
 * @param netSpendMinor net spend over the tier window
 */
public record CustomerView(Customer customer, @Nullable String homeStoreCode, long balance, long netSpendMinor) {

}
