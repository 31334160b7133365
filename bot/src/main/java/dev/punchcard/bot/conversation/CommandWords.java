package dev.punchcard.bot.conversation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.punchcard.bot.reply.Texts;

/**
 * The words a person may type instead of a slash command (WhatsApp has no commands; a
 * Telegram user may type them too), in English and Russian: {@code points}, {@code card},
 * {@code баллы}, {@code карта}, {@code top}, … A message counts as a command word when it
 * is one of the words and nothing else (case, surrounding spaces and a final {@code .},
 * {@code !} or {@code ?} aside), so an ordinary sentence is never taken for a command.
 * The poster and invitation words take an argument: {@code JOIN <store>},
 * {@code REF <code>}, {@code STAFF <code>} (what {@code wa.me} links prefill) mean
 * {@code /start s-<store>}, {@code r-<code>}, {@code staff-<code>}. A typed {@code /name}
 * is read as the command itself.
 */
public final class CommandWords {

	/** Each command's words; the first of each language is the one texts show. */
	private static final Map<String, Map<String, List<String>>> WORDS = Map.of("start",
			Map.of("en", List.of("start", "menu", "hi", "hello", "hey"), "ru",
					List.of("старт", "меню", "начать", "привет", "здравствуйте")),
			"profile", Map.of("en", List.of("profile", "me", "account"), "ru", List.of("профиль", "аккаунт")), "card",
			Map.of("en", List.of("card", "qr", "my card"), "ru", List.of("карта", "карточка", "моя карта")),
			"purchases", Map.of("en", List.of("purchases", "history"), "ru", List.of("покупки", "история")), "rewards",
			Map.of("en", List.of("rewards", "points", "balance"), "ru",
					List.of("награды", "баллы", "баланс", "бонусы")),
			"lang", Map.of("en", List.of("language", "lang"), "ru", List.of("язык")), "help",
			Map.of("en", List.of("help", "commands", "?"), "ru", List.of("помощь", "справка", "команды")), "cancel",
			Map.of("en", List.of("cancel", "abort"), "ru", List.of("отмена", "отменить")), "scan",
			Map.of("en", List.of("scan"), "ru", List.of("скан", "сканировать")), "stop", Map.of("en",
					List.of("stop", "unsubscribe", "stop promotions"), "ru", List.of("стоп", "отписаться", "отписка")));

	/**
	 * The words of {@code /link}, which joins this chat to a membership on another
	 * channel ({@code link <code>} uses a code), and of {@code /notify}, which makes this
	 * messenger the one notifications come to first, and of {@code /top}, the week's
	 * leaderboard.
	 */
	private static final Map<String, Map<String, List<String>>> LINK_WORDS = Map.of("link",
			Map.of("en", List.of("link"), "ru", List.of("связать")), "notify",
			Map.of("en", List.of("notify here", "notify", "notifications"), "ru",
					List.of("уведомления сюда", "уведомления")),
			"top", Map.of("en", List.of("top", "top 10", "leaderboard", "ranking"), "ru",
					List.of("топ", "топ 10", "рейтинг")));

	private static final Pattern LINK_WITH_CODE = Pattern.compile("^(?:link|связать)\\s+(\\S.{0,31})$");

	/** Words that open {@code /start} with a deep-link payload. */
	private static final Map<String, String> PAYLOAD_WORDS = Map.of("join", "s-", "ref", "r-", "staff", "staff-");

	private static final Pattern WITH_ARGUMENT = Pattern.compile("^(join|ref|staff)\\s+(\\S{1,64})$");

	private static final Pattern SLASH = Pattern.compile("^/([a-z0-9_]{1,32})(?:\\s+(.*))?$", Pattern.DOTALL);

	/**
	 * Commands that leave a flow in progress when typed as words; others go to the flow.
	 */
	private static final List<String> INTERRUPTING = List.of("cancel", "start", "help");

	private static final Map<String, String> COMMAND_BY_WORD = byWord();

	private CommandWords() {
	}

	/** The command the text stands for, if it is one of the words or a typed command. */
	public static Optional<ChatInput.Command> read(String text) {
		String said = normalised(text);
		Matcher slash = SLASH.matcher(said);
		if (slash.matches()) {
			String argument = slash.group(2);
			return Optional.of(new ChatInput.Command(slash.group(1), (argument != null) ? argument.strip() : ""));
		}
		Matcher payload = WITH_ARGUMENT.matcher(said);
		if (payload.matches()) {
			// the code keeps its case as typed: store codes and referral codes are looked
			// up
			// as given
			String code = text.strip().split("\\s+", 2)[1].replaceAll("[.!?]+$", "");
			return Optional.of(new ChatInput.Command("start", PAYLOAD_WORDS.get(payload.group(1)) + code));
		}
		Matcher link = LINK_WITH_CODE.matcher(said);
		if (link.matches()) {
			return Optional.of(new ChatInput.Command("link", link.group(1)));
		}
		return Optional.ofNullable(COMMAND_BY_WORD.get(said)).map((name) -> new ChatInput.Command(name, ""));
	}

	/** Whether the command, typed as a word, ends a flow in progress. */
	public static boolean interruptsFlows(String command) {
		return INTERRUPTING.contains(command);
	}

	/**
	 * The word texts show for the command in the language; the command's name if none.
	 */
	public static String word(String command, String language) {
		Map<String, List<String>> words = WORDS.containsKey(command) ? WORDS.get(command) : LINK_WORDS.get(command);
		if (words == null) {
			return command;
		}
		return words.getOrDefault(Texts.supported(language), words.get("en")).get(0);
	}

	private static String normalised(String text) {
		String said = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		return said.startsWith("/") ? said : said.replaceAll("(?<=\\S)[.!?]+$", "");
	}

	private static Map<String, String> byWord() {
		Map<String, String> byWord = new HashMap<>();
		WORDS.forEach((command, languages) -> languages.values()
			.forEach((words) -> words.forEach((word) -> byWord.put(word, command))));
		LINK_WORDS.forEach((command, languages) -> languages.values()
			.forEach((words) -> words.forEach((word) -> byWord.put(word, command))));
		return Map.copyOf(byWord);
	}

}
