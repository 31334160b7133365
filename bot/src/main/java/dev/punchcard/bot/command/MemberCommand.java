package dev.punchcard.bot.command;

import java.util.List;

import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.CommandHandler;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.customer.domain.Customer;
import reactor.core.publisher.Mono;

/** A command only members can use: everyone else is told to /start first. */
abstract class MemberCommand implements CommandHandler {

	protected final Menus menus;

	MemberCommand(Menus menus) {
		this.menus = menus;
	}

	@Override
	public final Mono<List<OutgoingMessage>> handle(ChatContext context, String argument) {
		return context.customer()
			.map((customer) -> handleMember(context, customer, argument))
			.orElseGet(() -> Mono.just(List.of(this.menus.text(context.language(), "not-registered"))));
	}

	abstract Mono<List<OutgoingMessage>> handleMember(ChatContext context, Customer customer, String argument);

}
