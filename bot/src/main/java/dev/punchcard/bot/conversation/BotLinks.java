package dev.punchcard.bot.conversation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import dev.punchcard.core.shared.domain.ChatChannel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Links into the bot, each channel its own way: on Telegram {@code t.me} deep links that
 * open a chat with {@code /start <payload>}, on WhatsApp {@code wa.me} click-to-chat
 * links that prefill the words that mean the same ({@code REF <code>}, see
 * {@link CommandWords}). Without a known bot username or number, the words to send
 * instead.
 */
@Component
public class BotLinks {

	private final List<BotUsernames> usernames;

	private final List<BotPhoneNumbers> numbers;

	BotLinks(List<BotUsernames> usernames, ObjectProvider<BotPhoneNumbers> numbers) {
		this.usernames = usernames;
		this.numbers = numbers.orderedStream().toList();
	}

	/** The link a member shares to refer friends. */
	public String referral(ChatChannel channel, String referralCode) {
		if (channel == ChatChannel.WHATSAPP) {
			return whatsApp("REF " + referralCode).orElse("REF " + referralCode);
		}
		return telegramStart(channel, "r-" + referralCode).orElse("/start r-" + referralCode);
	}

	/**
	 * The link that binds a staff member's chat account with their one-time code; empty
	 * when the bot's name or number there is not known.
	 */
	public Optional<String> staff(ChatChannel channel, String linkCode) {
		return (channel == ChatChannel.WHATSAPP) ? whatsApp("STAFF " + linkCode)
				: telegramStart(channel, "staff-" + linkCode);
	}

	/**
	 * The link that joins a chat on the channel to a member with their one-time code from
	 * {@code /link}: on Telegram a deep link that starts the bot with it, on WhatsApp a
	 * chat prefilled with the words to send; empty when the bot's name or number there is
	 * not known.
	 * @param code the code, without separators
	 * @param typed the words that send it ({@code link ABCD-EFGH})
	 */
	public Optional<String> chatLink(ChatChannel channel, String code, String typed) {
		return (channel == ChatChannel.WHATSAPP) ? whatsApp(typed) : telegramStart(channel, "link-" + code);
	}

	/**
	 * A link that opens a chat with the bot on the channel, prefilled with the text where
	 * the channel can (WhatsApp); empty when the bot's name or number there is not known.
	 */
	public Optional<String> chat(ChatChannel channel, String text) {
		if (channel == ChatChannel.WHATSAPP) {
			return whatsApp(text);
		}
		return username(channel).map((name) -> "https://t.me/" + name);
	}

	private Optional<String> telegramStart(ChatChannel channel, String payload) {
		return username(channel).map((name) -> "https://t.me/" + name + "?start=" + payload);
	}

	private Optional<String> whatsApp(String text) {
		return this.numbers.stream()
			.filter((number) -> number.channel() == ChatChannel.WHATSAPP)
			.findFirst()
			.flatMap(BotPhoneNumbers::displayNumber)
			.map((digits) -> "https://wa.me/" + digits + "?text="
					+ URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"));
	}

	private Optional<String> username(ChatChannel channel) {
		return this.usernames.stream()
			.filter((names) -> names.channel() == channel)
			.findFirst()
			.flatMap(BotUsernames::username);
	}

}
