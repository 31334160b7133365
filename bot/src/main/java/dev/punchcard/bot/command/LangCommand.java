package dev.punchcard.bot.command;

import java.util.List;
import java.util.Set;

import dev.punchcard.bot.conversation.ButtonHandler;
import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.CommandHandler;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.conversation.OutgoingMessage.Button;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.bot.reply.Texts;
import dev.punchcard.core.customer.application.Customers;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code /lang} (or {@code /lang ru}): picks the language of the bot's messages
 * ({@code lang:<code>} buttons).
 */
@Component
class LangCommand implements CommandHandler, ButtonHandler {

	private final Customers customers;

	private final Menus menus;

	LangCommand(Customers customers, Menus menus) {
		this.customers = customers;
		this.menus = menus;
	}

	@Override
	public Set<String> commands() {
		return Set.of("lang");
	}

	@Override
	public String prefix() {
		return "lang";
	}

	@Override
	public Mono<List<OutgoingMessage>> handle(ChatContext context, String argument) {
		if (Texts.LANGUAGES.contains(argument.strip().toLowerCase())) {
			return change(context, argument.strip().toLowerCase());
		}
		return Mono.just(List.of(new OutgoingMessage.Text(this.menus.marked(context.language(), "lang.choose"),
				List.of(List.of(new Button("English", "lang:en"), new Button("Русский", "lang:ru"))))));
	}

	@Override
	public Mono<List<OutgoingMessage>> press(ChatContext context, String data) {
		return Texts.LANGUAGES.contains(data) ? change(context, data) : handle(context, "");
	}

	private Mono<List<OutgoingMessage>> change(ChatContext context, String language) {
		if (context.customer().isEmpty()) {
			return Mono.just(List.of(this.menus.text(context.language(), "not-registered")));
		}
		return this.customers.changeLanguage(context.customer().get().id(), language)
			.thenReturn(List.of(this.menus.text(language, "lang.changed"), this.menus.mainMenu(language)));
	}

}
