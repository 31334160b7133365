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
		String language = context.language();
		if (!maySell(context)) {
			return Mono.just(List.of(this.menus.text(language, "scan.shopper")));
		}
		if (context.staff().map(StaffMember::storeId).isEmpty()) {
			return Mono.just(List.of(this.menus.text(language, "scan.no-store")));
		}
		return this.states
			.put(context.event().channel(), context.event().userId(), FlowState.start(ScanFlow.NAME, ScanFlow.CARD))
			.thenReturn(List.of(this.menus.text(language, "scan.ask-card")));
	}

	/** Cashiers and administrators linked to this chat may record purchases. */
	static boolean maySell(ChatContext context) {
		return context.staff().map((staff) -> staff.role() == Role.CASHIER || staff.role() == Role.ADMIN).orElse(false);
	}

}
