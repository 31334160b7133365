package dev.punchcard.bot.command;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.punchcard.bot.conversation.ButtonHandler;
import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.CommandHandler;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Main-menu buttons ({@code m:profile}, ...) do what the command of the same name does;
 * {@code m:stop} is a broadcast template's "Stop promotions" button (command
 * {@code stop}).
 */
@Component
class MenuButtons implements ButtonHandler {

	private static final Set<String> ITEMS = Set.of("profile", "card", "rewards", "purchases", "help", "stop");

	private final Map<String, CommandHandler> commands;

	private final Menus menus;

	MenuButtons(List<CommandHandler> commands, Menus menus) {
		this.commands = commands.stream()
			.flatMap((handler) -> handler.commands().stream().map((name) -> Map.entry(name, handler)))
			.filter((entry) -> ITEMS.contains(entry.getKey()))
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
		this.menus = menus;
	}

	@Override
	public String prefix() {
		return "m";
	}

	@Override
	public Mono<List<OutgoingMessage>> press(ChatContext context, String data) {
		CommandHandler handler = this.commands.get(data);
		return handler == null ? Mono.just(List.of(this.menus.mainMenu(context.language())))
				: handler.handle(context, "");
	}

}
