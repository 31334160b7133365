package dev.punchcard.core.reward.application;

import java.time.Instant;

import dev.punchcard.core.reward.domain.Voucher;

/** What honouring or cancelling a voucher did. */
public sealed interface VoucherOutcome {

	/** Honoured now at a till. */
	record Honoured(Voucher voucher) implements VoucherOutcome {
	}

	/** Cancelled now; {@code balance} is the balance after the points came back. */
	record Cancelled(Voucher voucher, long balance) implements VoucherOutcome {
	}

	/** It was honoured before, at this time; it cannot be used again. */
	record AlreadyHonoured(Instant honouredAt) implements VoucherOutcome {
	}

	/** It was cancelled before. */
	record AlreadyCancelled() implements VoucherOutcome {
	}

	/** The code is malformed, forged, or unknown. */
	record UnknownVoucher() implements VoucherOutcome {
	}

}
