package dev.punchcard.core.reward.application;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.notification.application.Notification;
import dev.punchcard.core.notification.application.NotificationPayload.VoucherCancelled;
import dev.punchcard.core.notification.application.Notifications;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.reward.application.VoucherOutcome.Cancelled;
import dev.punchcard.core.reward.application.VoucherOutcome.UnknownVoucher;
import dev.punchcard.core.reward.domain.Voucher;
import dev.punchcard.core.shared.domain.Points;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * An unused voucher is cancelled: its points come back and its unit returns to stock,
 * once. A campaign voucher, which cost no points, gives back only its unit.
 */
public class CancelVoucher {

	static final String SOURCE_TYPE = "VOUCHER_CANCELLATION";

	private final Vouchers vouchers;

	private final Rewards rewards;

	private final PointsLedger ledger;

	private final Notifications notifications;

	private final RedeemReward.Issuer issuer;

	public CancelVoucher(Vouchers vouchers, Rewards rewards, PointsLedger ledger, Notifications notifications,
			RedeemReward.Issuer issuer) {
		this.vouchers = vouchers;
		this.rewards = rewards;
		this.ledger = ledger;
		this.notifications = notifications;
		this.issuer = issuer;
	}

	/** Emits what happened; never errors for business reasons. */
	@Transactional
	public Mono<VoucherOutcome> cancel(String voucherCode) {
		OptionalLong serial = this.issuer.codes().verify(CodePurpose.VOUCHER, voucherCode);
		if (serial.isEmpty()) {
			return Mono.just(new UnknownVoucher());
		}
		return this.vouchers.findBySerial(serial.getAsLong())
			.flatMap((voucher) -> this.ledger.lockAccount(voucher.customerId()))
			.flatMap((locked) -> this.vouchers.markCancelled(serial.getAsLong(), this.issuer.clock().instant()))
			.flatMap(this::refund)
			.switchIfEmpty(Mono.defer(() -> this.vouchers.findBySerial(serial.getAsLong())
				.map(HonourVoucher::refusal)
				.switchIfEmpty(Mono.fromSupplier(UnknownVoucher::new))));
	}

	private Mono<VoucherOutcome> refund(Voucher voucher) {
		if (voucher.costPoints() == 0) {
			return giveBackCampaignVoucher(voucher);
		}
		Instant now = this.issuer.clock().instant();
		return this.rewards.giveBackOne(voucher.rewardId())
			.then(this.ledger.append(LedgerEntry.of(voucher.customerId(), Points.of(voucher.costPoints()),
					EntryKind.REVERSAL, "voucher cancelled", SOURCE_TYPE, voucher.id().toString(), now)))
			.flatMap((balance) -> this.rewards.findById(voucher.rewardId())
				.flatMap((reward) -> this.notifications
					.enqueue(new Notification(voucher.customerId(), "voucher-cancel:" + voucher.id(),
							new VoucherCancelled(voucher.id().toString(), reward.name(), voucher.costPoints(),
									balance.value()))))
				.thenReturn(new Cancelled(voucher, balance.value())));
	}

	/**
	 * A campaign voucher cost no points, so its cancellation credits none (and has no
	 * ledger entry, nor a notice of points coming back): only its unit returns to stock.
	 */
	private Mono<VoucherOutcome> giveBackCampaignVoucher(Voucher voucher) {
		return this.rewards.giveBackOne(voucher.rewardId())
			.then(this.ledger.balanceOf(voucher.customerId()))
			.map((balance) -> new Cancelled(voucher, balance.value()));
	}

}
