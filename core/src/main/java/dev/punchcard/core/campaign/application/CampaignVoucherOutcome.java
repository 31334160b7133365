package dev.punchcard.core.campaign.application;

import dev.punchcard.core.reward.domain.Voucher;

/** What issuing a campaign voucher did. */
public sealed interface CampaignVoucherOutcome {

	/** Issued now: a unit of the reward's stock taken, no points debited. */
	record Issued(Voucher voucher, String voucherCode) implements CampaignVoucherOutcome {
	}

	/** The campaign gave this member a voucher before (a retry): this one. */
	record AlreadyIssued(Voucher voucher, String voucherCode) implements CampaignVoucherOutcome {
	}

	/** No active reward with the id; nothing changed. */
	record UnknownReward() implements CampaignVoucherOutcome {
	}

	/** The reward has no stock left; nothing changed. */
	record OutOfStock() implements CampaignVoucherOutcome {
	}

	/** No such member, or their membership is blocked; nothing changed. */
	record UnknownCustomer() implements CampaignVoucherOutcome {
	}

}
