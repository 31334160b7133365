package dev.punchcard.bot.command;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.punchcard.bot.conversation.ButtonHandler;
import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.card.domain.QrImage;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.reward.application.RedeemReward;
import dev.punchcard.core.reward.application.RedemptionOutcome;
import dev.punchcard.core.reward.application.RewardCatalog;
import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.shared.domain.Points;
import dev.punchcard.core.shared.domain.RewardId;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Redeem buttons: {@code rw:r:<rewardId>} asks to confirm, {@code rw:y:<offer>} redeems,
 * {@code rw:n} declines. The offer id is a random nonce kept in Redis for ten minutes; it
 * is also the redemption's idempotency key, so a double tap on "Yes" issues one voucher.
 */
@Component
class RedeemButtons implements ButtonHandler {

	private static final Duration OFFER_TTL = Duration.ofMinutes(10);

	private final RewardCatalog catalog;

	private final RedeemReward redeemReward;

	private final PointsLedger ledger;

	private final ReactiveStringRedisTemplate redis;

	private final Menus menus;

	RedeemButtons(RewardCatalog catalog, RedeemReward redeemReward, PointsLedger ledger,
			ReactiveStringRedisTemplate redis, Menus menus) {
		this.catalog = catalog;
		this.redeemReward = redeemReward;
		this.ledger = ledger;
		this.redis = redis;
		this.menus = menus;
	}

	@Override
	public String prefix() {
		return "rw";
	}

	@Override
	public Mono<List<OutgoingMessage>> press(ChatContext context, String data) {
		if (context.customer().isEmpty()) {
			return Mono.just(List.of(this.menus.text(context.language(), "not-registered")));
		}
		Customer customer = context.customer().get();
		if (data.startsWith("r:")) {
			return offer(context, customer, data.substring(2));
		}
		if (data.startsWith("y:")) {
			return confirm(context, customer, data.substring(2));
		}
		return Mono.just(List.of(this.menus.text(context.language(), "rewards.cancelled")));
	}

	private Mono<List<OutgoingMessage>> offer(ChatContext context, Customer customer, String rewardId) {
		String language = context.language();
		return parse(rewardId).flatMap(this.catalog::find)
			.filter(Reward::active)
			.zipWith(this.ledger.balanceOf(customer.id()).defaultIfEmpty(Points.ZERO))
			.flatMap((found) -> {
				String offerId = UUID.randomUUID().toString().replace("-", "");
				Reward reward = found.getT1();
				long after = found.getT2().value() - reward.costPoints();
				return this.redis.opsForValue()
					.set(offerKey(customer, offerId), reward.id().toString(), OFFER_TTL)
					.thenReturn(List.<OutgoingMessage>of(new OutgoingMessage.Text(
							this.menus.marked(language, "rewards.confirm", reward.name(), reward.costPoints(), after),
							List.of(List.of(this.menus.button(language, "rewards.yes", "rw:y:" + offerId),
									this.menus.button(language, "rewards.no", "rw:n"))))));
			})
			.defaultIfEmpty(List.of(this.menus.text(language, "rewards.gone")));
	}

	private Mono<List<OutgoingMessage>> confirm(ChatContext context, Customer customer, String offerId) {
		String language = context.language();
		if (!offerId.matches("[0-9a-f]{32}")) {
			return Mono.just(List.of(this.menus.text(language, "rewards.expired")));
		}
		return this.redis.opsForValue()
			.get(offerKey(customer, offerId))
			.flatMap((rewardId) -> this.redeemReward.redeem(customer.id(), new RewardId(UUID.fromString(rewardId)),
					"chat:" + offerId))
			.map((outcome) -> render(language, outcome))
			.defaultIfEmpty(List.of(this.menus.text(language, "rewards.expired")));
	}

	private List<OutgoingMessage> render(String language, RedemptionOutcome outcome) {
		return switch (outcome) {
			case RedemptionOutcome.Redeemed done ->
				voucher(language, done.reward(), done.voucherCode(), done.balance());
			case RedemptionOutcome.AlreadyRedeemed again ->
				voucher(language, again.reward(), again.voucherCode(), again.balance());
			case RedemptionOutcome.NotEnoughPoints low ->
				List.of(this.menus.text(language, "rewards.not-enough", low.cost(), low.balance()));
			case RedemptionOutcome.OutOfStock none -> List.of(this.menus.text(language, "rewards.sold-out"));
			case RedemptionOutcome.UnknownReward unknown -> List.of(this.menus.text(language, "rewards.gone"));
			case RedemptionOutcome.UnknownCustomer unknown -> List.of(this.menus.text(language, "not-registered"));
		};
	}

	private List<OutgoingMessage> voucher(String language, Reward reward, String code, long balance) {
		return List.of(new OutgoingMessage.Image(QrImage.png(code, 512),
				this.menus.marked(language, "rewards.redeemed", reward.name(), CodeSigner.grouped(code), balance)));
	}

	private static Mono<RewardId> parse(String rewardId) {
		try {
			return Mono.just(new RewardId(UUID.fromString(rewardId)));
		}
		catch (IllegalArgumentException forged) {
			return Mono.empty();
		}
	}

	private static String offerKey(Customer customer, String offerId) {
		return "chat:redeem-offer:" + customer.id() + ":" + offerId;
	}

}
