package dev.punchcard.bot.command;

import java.util.List;
import java.util.Set;

import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.CommandHandler;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code /cancel}: leaves any flow (the router already ended it before calling this). */
@Component
class CancelCommand implements CommandHandler {

	private final Menus menus;

	CancelCommand(Menus menus) {
		this.menus = menus;
	}

	@Override
	public Set<String> commands() {
		return Set.of("cancel");
	}

	@Override
	public Mono<List<OutgoingMessage>> handle(ChatContext context, String argument) {
		return Mono.just(List.of(this.menus.text(context.language(), "cancelled")));
	}

}
