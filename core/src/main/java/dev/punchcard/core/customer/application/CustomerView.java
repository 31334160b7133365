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
 * @param rfmClass the member's RFM class as of the last recompute of scores, null before
 * it or without purchases
 * @param churnRisk the member's churn risk as of the last recompute, null likewise
 */
public record CustomerView(Customer customer, @Nullable String homeStoreCode, long balance, long netSpendMinor,
		@Nullable String rfmClass, @Nullable String churnRisk) {

}
