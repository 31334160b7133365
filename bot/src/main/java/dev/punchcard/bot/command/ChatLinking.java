package dev.punchcard.bot.command;

import java.util.List;

import dev.punchcard.bot.conversation.ChatContext;
import dev.punchcard.bot.conversation.ChatEvent;
import dev.punchcard.bot.conversation.CommandWords;
import dev.punchcard.bot.conversation.OutgoingMessage;
import dev.punchcard.bot.reply.Menus;
import dev.punchcard.core.customer.application.LinkChats;
import dev.punchcard.core.customer.application.LinkChatsCommand;
import dev.punchcard.core.customer.application.LinkOutcome;
import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.Points;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Joins the chat of an event to the member whose one-time code from {@code /link} it
 * brings, typed ({@code link <code>}) or from a Telegram deep link
 * ({@code /start link-<code>}), and says how that went.
 */
@Component
class ChatLinking {

	private final LinkChats linkChats;

	private final PointsLedger ledger;

	private final Menus menus;

	ChatLinking(LinkChats linkChats, PointsLedger ledger, Menus menus) {
		this.linkChats = linkChats;
		this.ledger = ledger;
		this.menus = menus;
	}

	Mono<List<OutgoingMessage>> link(ChatContext context, String code) {
		ChatEvent event = context.event();
		return this.linkChats.link(new LinkChatsCommand(event.channel(), event.userId(), event.chatId(), code))
			.flatMap((outcome) -> linked(context.language(), outcome));
	}

	private Mono<List<OutgoingMessage>> linked(String language, LinkOutcome outcome) {
		return switch (outcome) {
			case LinkOutcome.Linked linked ->
				withBalance(language, linked.merged() ? "link.merged" : "link.linked", linked.member());
			case LinkOutcome.AlreadyLinked already -> reply(language, "link.already");
			case LinkOutcome.SameChannel same -> reply(language, "link.same-channel", channelName(same.channel()));
			case LinkOutcome.InvalidCode invalid ->
				reply(language, "link.invalid", CommandWords.word("link", language));
			case LinkOutcome.TooManyAttempts tooMany -> reply(language, "link.too-many");
			case LinkOutcome.BothHaveHistory both -> reply(language, "link.both-history");
		};
	}

	private Mono<List<OutgoingMessage>> withBalance(String language, String key, Customer member) {
		return this.ledger.balanceOf(member.id())
			.defaultIfEmpty(Points.ZERO)
			.map((balance) -> List.of(this.menus.text(language, key, member.name(), balance.value()),
					this.menus.mainMenu(language)));
	}

	private Mono<List<OutgoingMessage>> reply(String language, String key, Object... args) {
		return Mono.just(List.of(this.menus.text(language, key, args)));
	}

	static String channelName(ChatChannel channel) {
		return (channel == ChatChannel.TELEGRAM) ? "Telegram" : "WhatsApp";
	}

}
