package dev.punchcard.core.reward.application;

import java.time.Clock;
import java.util.OptionalLong;

import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.reward.application.VoucherOutcome.AlreadyCancelled;
import dev.punchcard.core.reward.application.VoucherOutcome.AlreadyHonoured;
import dev.punchcard.core.reward.application.VoucherOutcome.Honoured;
import dev.punchcard.core.reward.application.VoucherOutcome.UnknownVoucher;
import dev.punchcard.core.reward.domain.Voucher;
import dev.punchcard.core.reward.domain.VoucherStatus;
import dev.punchcard.core.shared.domain.StaffId;
import reactor.core.publisher.Mono;

/** A cashier accepts a voucher at the till: exactly once, whatever races. */
public class HonourVoucher {

	private final Vouchers vouchers;

	private final CodeSigner codes;

	private final Clock clock;

	public HonourVoucher(Vouchers vouchers, CodeSigner codes, Clock clock) {
		this.vouchers = vouchers;
		this.codes = codes;
		this.clock = clock;
	}

	/** Emits what happened; never errors for business reasons. */
	public Mono<VoucherOutcome> honour(String voucherCode, StaffId cashier) {
		OptionalLong serial = this.codes.verify(CodePurpose.VOUCHER, voucherCode);
		if (serial.isEmpty()) {
			return Mono.just(new UnknownVoucher());
		}
		return this.vouchers.markHonoured(serial.getAsLong(), cashier, this.clock.instant())
			.<VoucherOutcome>map(Honoured::new)
			.switchIfEmpty(Mono.defer(() -> whyNot(serial.getAsLong())));
	}

	private Mono<VoucherOutcome> whyNot(long serial) {
		return this.vouchers.findBySerial(serial)
			.map(HonourVoucher::refusal)
			.switchIfEmpty(Mono.fromSupplier(UnknownVoucher::new));
	}

	static VoucherOutcome refusal(Voucher voucher) {
		if (voucher.status() == VoucherStatus.CANCELLED) {
			return new AlreadyCancelled();
		}
		return new AlreadyHonoured(voucher.honouredAt() == null ? voucher.issuedAt() : voucher.honouredAt());
	}

}
