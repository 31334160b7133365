package dev.punchcard.bot.command;

import java.util.List;
import java.util.Set;

import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.CommandHandler;
import dev.punchcard.bot.conversation.MarkedText;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code /help}: the commands this user may use; cashier commands only for linked staff.
 */
@Component
class HelpCommand implements CommandHandler {

	private final Menus menus;

	HelpCommand(Menus menus) {
		this.menus = menus;
	}

	@Override
	public Set<String> commands() {
		return Set.of("help");
	}

	@Override
	public Mono<List<OutgoingMessage>> handle(ChatContext context, String argument) {
		String language = context.language();
		MarkedText shopper = this.menus.marked(language, "help.shopper")
			.append(this.menus.marked(language, "help.top"))
			.append(this.menus.marked(language, "help.link"))
			.append(this.menus.marked(language, "help.notify"))
			.append(this.menus.marked(language, "help.consent"));
		return ScanCommand.seller(context)
			.hasElement()
			.map((seller) -> seller ? shopper.append(this.menus.marked(language, "help.staff")) : shopper)
			.map((text) -> List.of(OutgoingMessage.Text.of(text)));
	}

}
