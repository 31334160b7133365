package dev.punchcard.core.customer.application;

import java.time.Instant;

import dev.punchcard.core.customer.domain.CustomerStatus;
import dev.punchcard.core.points.domain.DueExpiry;
import dev.punchcard.core.shared.domain.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * What staff and the customer see of a membership.
 *
 * @param id customer id
 * @param name display name
 * @param phone E.164 phone, when known
 * @param language language tag
 * @param homeStoreCode home store code
 * @param status status
 * @param tier current tier
 * @param balance points balance
 * @param netSpendMinor net spend in the tier window
 * @param nextTier next tier up, if any
 * @param spendToNextTierMinor spend still needed for the next tier (0 at the top)
 * @param memberSince enrolment time
 * @param referralCode their referral code
 * @param cardCode their current signed member card code
 * @param rfmClass RFM class as of the last recompute of scores (null before it, or
 * without purchases)
 * @param churnRisk churn risk as of the last recompute (null likewise)
 * @param nextExpiry the next points to expire and when, or null when none will
 */
public record CustomerProfile(CustomerId id, String name, @Nullable String phone, String language,
		@Nullable String homeStoreCode, CustomerStatus status, String tier, long balance, long netSpendMinor,
		@Nullable String nextTier, long spendToNextTierMinor, Instant memberSince, String referralCode, String cardCode,
		@Nullable String rfmClass, @Nullable String churnRisk, @Nullable DueExpiry nextExpiry) {

	@Override
	public String toString() {
		return "CustomerProfile[" + this.id + "]";
	}

}
