package dev.punchcard.core.reward.application;

import java.time.Clock;
import java.time.Instant;

import dev.punchcard.core.card.domain.CodePurpose;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.customer.application.Customers;
import dev.punchcard.core.customer.domain.CustomerStatus;
import dev.punchcard.core.notification.application.Notification;
import dev.punchcard.core.notification.application.NotificationPayload.RewardRedeemed;
import dev.punchcard.core.notification.application.Notifications;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.points.domain.EntryKind;
import dev.punchcard.core.points.domain.LedgerEntry;
import dev.punchcard.core.reward.application.RedemptionOutcome.AlreadyRedeemed;
import dev.punchcard.core.reward.application.RedemptionOutcome.NotEnoughPoints;
import dev.punchcard.core.reward.application.RedemptionOutcome.OutOfStock;
import dev.punchcard.core.reward.application.RedemptionOutcome.Redeemed;
import dev.punchcard.core.reward.application.RedemptionOutcome.UnknownCustomer;
import dev.punchcard.core.reward.application.RedemptionOutcome.UnknownReward;
import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.reward.domain.Voucher;
import dev.punchcard.core.reward.domain.VoucherStatus;
import dev.punchcard.core.shared.domain.CustomerId;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.shared.domain.RewardId;
import dev.punchcard.core.shared.domain.VoucherId;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * A customer spends points on a reward: under the customer's account lock their
 * membership and the balance are checked, one unit of stock is taken, the points are
 * debited and a one-time voucher is issued, all or nothing. Concurrent redemptions can
 * neither overdraw the balance nor oversell the stock.
 */
public class RedeemReward {

	static final String SOURCE_TYPE = "VOUCHER";

	private final Customers customers;

	private final Rewards rewards;

	private final Vouchers vouchers;

	private final PointsLedger ledger;

	private final Notifications notifications;

	private final Issuer issuer;

	public RedeemReward(Customers customers, Rewards rewards, Vouchers vouchers, PointsLedger ledger,
			Notifications notifications, Issuer issuer) {
		this.customers = customers;
		this.rewards = rewards;
		this.vouchers = vouchers;
		this.ledger = ledger;
		this.notifications = notifications;
		this.issuer = issuer;
	}

	/**
	 * Emits what happened; never errors for business reasons. A non-null
	 * {@code requestKey} makes the request idempotent: repeating it answers the voucher
	 * it issued (whatever reward the repeat names, and even once that reward is retired).
	 */
	@Transactional
	public Mono<RedemptionOutcome> redeem(CustomerId customerId, RewardId rewardId, @Nullable String requestKey) {
		return this.ledger.lockAccount(customerId)
			.flatMap((balance) -> (requestKey == null) ? redeemFor(customerId, rewardId, balance, null)
					: this.vouchers.findByRequestKey(customerId, requestKey)
						.flatMap((known) -> answeredBefore(known, balance))
						.switchIfEmpty(Mono.defer(() -> redeemFor(customerId, rewardId, balance, requestKey))))
			.switchIfEmpty(Mono.fromSupplier(UnknownCustomer::new));
	}

	private Mono<RedemptionOutcome> answeredBefore(Voucher known, Points balance) {
		return this.rewards.findById(known.rewardId())
			.map((reward) -> new AlreadyRedeemed(known, code(known), reward, balance.value()));
	}

	/** Under the account lock: a member in good standing, an active reward. */
	private Mono<RedemptionOutcome> redeemFor(CustomerId customerId, RewardId rewardId, Points balance,
			@Nullable String requestKey) {
		return this.customers.findById(customerId)
			.filter((customer) -> customer.status() != CustomerStatus.BLOCKED)
			.flatMap((member) -> this.rewards.findById(rewardId)
				.filter(Reward::active)
				.flatMap((reward) -> redeemNow(customerId, reward, balance, requestKey))
				.switchIfEmpty(Mono.fromSupplier(UnknownReward::new)));
	}

	private Mono<RedemptionOutcome> redeemNow(CustomerId customerId, Reward reward, Points balance,
			@Nullable String requestKey) {
		if (balance.value() < reward.costPoints()) {
			return Mono.just(new NotEnoughPoints(balance.value(), reward.costPoints()));
		}
		return this.rewards.takeOne(reward.id())
			.flatMap((taken) -> taken ? issue(customerId, reward, requestKey) : Mono.just(new OutOfStock()));
	}

	private Mono<RedemptionOutcome> issue(CustomerId customerId, Reward reward, @Nullable String requestKey) {
		Instant now = this.issuer.clock().instant();
		Voucher voucher = new Voucher(VoucherId.random(), this.issuer.codes().newSerial(), customerId, reward.id(),
				reward.costPoints(), VoucherStatus.ISSUED, requestKey, now, null);
		return this.vouchers.insert(voucher)
			.then(this.ledger.append(LedgerEntry.of(customerId, Points.of(-reward.costPoints()), EntryKind.REDEEM,
					"redeemed " + reward.name(), SOURCE_TYPE, voucher.id().toString(), now)))
			// the balance was checked under the account lock, so the debit cannot find it
			// short
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("balance changed under the account lock")))
			.flatMap((balance) -> notifyRedeemed(voucher, reward, balance));
	}

	private Mono<RedemptionOutcome> notifyRedeemed(Voucher voucher, Reward reward, Points balance) {
		String code = code(voucher);
		return this.notifications
			.enqueue(new Notification(voucher.customerId(), "voucher:" + voucher.id(), new RewardRedeemed(
					voucher.id().toString(), code, reward.name(), reward.costPoints(), balance.value())))
			.thenReturn(new Redeemed(voucher, code, reward, balance.value()));
	}

	private String code(Voucher voucher) {
		return this.issuer.codes().sign(CodePurpose.VOUCHER, voucher.serial());
	}

	/**
	 * What issuing a voucher needs besides storage.
	 *
	 * @param codes signs voucher codes
	 * @param clock the clock
	 */
	public record Issuer(CodeSigner codes, Clock clock) {
	}

}
