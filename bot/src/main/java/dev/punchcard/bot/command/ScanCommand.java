package dev.punchcard.bot.command;

import java.util.List;
import java.util.Set;

import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.CommandHandler;
import dev.punchcard.bot.conversation.ConversationStates;
import dev.punchcard.bot.conversation.FlowState;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.staff.domain.Role;
import dev.punchcard.core.staff.domain.StaffMember;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code /scan}: for a linked cashier (or an administrator with a home store), starts the
 * scan flow ({@link ScanFlow}); a shopper is told how to show their card instead.
 */
@Component
class ScanCommand implements CommandHandler {

	private final ConversationStates states;

	private final Menus menus;

	ScanCommand(ConversationStates states, Menus menus) {
		this.states = states;
		this.menus = menus;
	}

	@Override
	public Set<String> commands() {
		return Set.of("scan");
	}

	@Override
	public Mono<List<OutgoingMessage>> handle(ChatContext context, String argument) {
		return seller(context)
			.flatMap((seller) -> (seller.storeId() == null) ? Mono.just("scan.no-store")
					: startFlow(context).thenReturn("scan.ask-card"))
			.defaultIfEmpty("scan.shopper")
			.map((answer) -> List.of(this.menus.text(context.language(), answer)));
	}

	private Mono<Void> startFlow(ChatContext context) {
		return this.states.put(context.event().channel(), context.event().userId(),
				FlowState.start(ScanFlow.NAME, ScanFlow.CARD));
	}

	/**
	 * Emits the staff member linked to this chat when they may record purchases (cashiers
	 * and administrators), else completes empty.
	 */
	static Mono<StaffMember> seller(ChatContext context) {
		return context.staff().filter((staff) -> staff.role() == Role.CASHIER || staff.role() == Role.ADMIN);
	}

}
