package dev.punchcard.bot.telegram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/**
 * The command menu Telegram shows, in English (also the default for other languages) and
 * Russian.
 */
final class BotCommands {

	/** Command name to its descriptions in English and Russian. */
	private static final Map<String, List<String>> DESCRIPTIONS = new LinkedHashMap<>();

	static {
		DESCRIPTIONS.put("start", List.of("Join the program", "Вступить в программу"));
		DESCRIPTIONS.put("profile", List.of("Your profile and points", "Профиль и баллы"));
		DESCRIPTIONS.put("card", List.of("Your member card", "Карта участника"));
		DESCRIPTIONS.put("purchases", List.of("Recent purchases", "Последние покупки"));
		DESCRIPTIONS.put("rewards", List.of("Rewards and vouchers", "Награды и купоны"));
		DESCRIPTIONS.put("top", List.of("This week's top 10", "Топ-10 недели"));
		DESCRIPTIONS.put("scan", List.of("Staff: scan a card", "Для персонала: сканировать карту"));
		DESCRIPTIONS.put("link", List.of("Use your card on WhatsApp too", "Карта и в WhatsApp"));
		DESCRIPTIONS.put("help", List.of("What the bot can do", "Что умеет бот"));
		DESCRIPTIONS.put("lang", List.of("Change the language", "Сменить язык"));
		DESCRIPTIONS.put("cancel", List.of("Cancel the current step", "Отменить текущий шаг"));
	}

	private BotCommands() {
	}

	/** The {@code setMyCommands} calls: default (English), English, Russian. */
	static List<SetMyCommands> requests() {
		return List.of(menu(null, 0), menu("en", 0), menu("ru", 1));
	}

	private static SetMyCommands menu(String languageCode, int column) {
		List<BotCommand> commands = DESCRIPTIONS.entrySet()
			.stream()
			.map((entry) -> new BotCommand(entry.getKey(), entry.getValue().get(column)))
			.toList();
		SetMyCommands request = new SetMyCommands(commands);
		request.setLanguageCode(languageCode);
		return request;
	}

}
