package dev.punchcard.bot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.punchcard.bot.conversation.ButtonHandler;
import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.conversation.OutgoingMessage.Button;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.reward.application.RewardCatalog;
import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.shared.domain.Points;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code /rewards}: balance, tier and the active catalog, with a Redeem button
 * ({@code rw:r:<rewardId>}) per affordable reward; the press asks for confirmation
 * ({@link RedeemButtons}).
 */
@Component
class RewardsCommand extends MemberCommand {

	private final RewardCatalog catalog;

	private final PointsLedger ledger;

	RewardsCommand(RewardCatalog catalog, PointsLedger ledger, Menus menus) {
		super(menus);
		this.catalog = catalog;
		this.ledger = ledger;
	}

	@Override
	public Set<String> commands() {
		return Set.of("rewards");
	}

	@Override
	Mono<List<OutgoingMessage>> handleMember(ChatContext context, Customer customer, String argument) {
		return this.ledger.balanceOf(customer.id())
			.defaultIfEmpty(Points.ZERO)
			.zipWith(this.catalog.list(true).collectList())
			.map((found) -> List.of(render(context.language(), customer, found.getT1().value(), found.getT2())));
	}

	private OutgoingMessage render(String language, Customer customer, long balance, List<Reward> rewards) {
		MarkedText text = this.menus.marked(language, "rewards.title", balance, customer.tier());
		if (rewards.isEmpty()) {
			return OutgoingMessage.Text.of(text.append("\n").append(this.menus.marked(language, "rewards.none")));
		}
		List<List<Button>> buttons = new ArrayList<>();
		for (Reward reward : rewards) {
			text = text.append("\n")
				.append(this.menus.marked(language, "rewards.line", reward.name(), reward.costPoints(),
						stock(language, reward)));
			if (reward.costPoints() <= balance && (reward.stock() == null || reward.stock() > 0)) {
				buttons
					.add(List.of(this.menus.button(language, "rewards.redeem", "rw:r:" + reward.id(), reward.name())));
			}
		}
		if (buttons.isEmpty()) {
			text = text.append("\n\n").append(this.menus.marked(language, "rewards.none-affordable"));
		}
		return new OutgoingMessage.Text(text, buttons);
	}

	private MarkedText stock(String language, Reward reward) {
		if (reward.stock() == null) {
			return MarkedText.empty();
		}
		return reward.stock() == 0 ? this.menus.marked(language, "rewards.out-of-stock")
				: this.menus.marked(language, "rewards.stock", reward.stock());
	}

}
